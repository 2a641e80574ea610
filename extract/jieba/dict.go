package jieba

import (
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

//go:generate go run gen.go

// The dictionary and HMM model of cppjieba (MIT licence, as gojieba),
// gzip'd by gen.go.
//
//go:embed dict/jieba.dict.utf8.gz dict/hmm_model.utf8.gz
var dictFS embed.FS

// Small files cppjieba insists on. The user dictionary is empty (user words
// are inserted through Options); the keyword extractor, which this package
// does not expose, needs an IDF table and a stop-word list with at least
// one entry each.
const (
	userDictData  = ""
	idfData       = "法治 10.0\n"
	stopWordsData = "的\n"
)

// dictFile is one file cppjieba reads.
type dictFile struct {
	name string // file name in the cache directory
	gz   string // path of its gzip'd copy in dictFS, or "" for inline data
	data string // inline data
	size int64
	sum  string // hex SHA-256 of the content
}

// dictFiles lists the five files in the order gojieba.NewJieba takes them:
// dictionary, HMM model, user dictionary, IDF table, stop words.
func dictFiles() []dictFile {
	inline := func(name, data string) dictFile {
		sum := sha256.Sum256([]byte(data))
		return dictFile{name: name, data: data, size: int64(len(data)), sum: hex.EncodeToString(sum[:])}
	}
	return []dictFile{
		{name: "jieba.dict.utf8", gz: "dict/jieba.dict.utf8.gz", size: jiebaDictSize, sum: jiebaDictSHA256},
		{name: "hmm_model.utf8", gz: "dict/hmm_model.utf8.gz", size: hmmModelSize, sum: hmmModelSHA256},
		inline("user.dict.utf8", userDictData),
		inline("idf.utf8", idfData),
		inline("stop_words.utf8", stopWordsData),
	}
}

// dictDirName names the cache subdirectory after the content of all five
// files, so that a new dictionary never meets an old one.
func dictDirName(files []dictFile) string {
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "%s\x00%s\n", f.name, f.sum)
	}
	return "jieba-" + hex.EncodeToString(h.Sum(nil))[:16]
}

// dictionaryPaths makes sure the five files are in a cache directory and
// returns their paths. base is Options.CacheDir; when empty, the user's
// cache directory is tried first, then the system's temporary directory.
func dictionaryPaths(base string) ([]string, error) {
	files := dictFiles()
	var bases []string
	if base != "" {
		bases = []string{base}
	} else {
		if d, err := os.UserCacheDir(); err == nil {
			bases = append(bases, filepath.Join(d, "fazhikg"))
		}
		bases = append(bases, filepath.Join(os.TempDir(), "fazhikg"))
	}
	var errs []error
	for _, b := range bases {
		dir := filepath.Join(b, dictDirName(files))
		paths, err := installDicts(dir, files)
		if err == nil {
			return paths, nil
		}
		errs = append(errs, err)
	}
	return nil, errors.Join(errs...)
}

// installDicts writes into dir every file that is not there already with the
// right content, and returns the paths of all of them.
func installDicts(dir string, files []dictFile) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	paths := make([]string, len(files))
	for i, f := range files {
		p := filepath.Join(dir, f.name)
		paths[i] = p
		if ok, err := fileMatches(p, f); err != nil {
			return nil, err
		} else if ok {
			continue
		}
		if err := writeDict(dir, p, f); err != nil {
			return nil, err
		}
	}
	return paths, nil
}

// fileMatches reports whether path holds exactly the content of f.
func fileMatches(path string, f dictFile) (bool, error) {
	fh, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil {
		return false, err
	}
	if !fi.Mode().IsRegular() || fi.Size() != f.size {
		return false, nil
	}
	h := sha256.New()
	if _, err := io.Copy(h, fh); err != nil {
		return false, fmt.Errorf("checking %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)) == f.sum, nil
}

// writeDict writes f to path atomically: into a temporary file in the same
// directory, checked, then renamed over path. Two processes doing this at
// once both succeed, and a reader never sees a partial file.
func writeDict(dir, path string, f dictFile) (err error) {
	var src io.Reader = strings.NewReader(f.data)
	if f.gz != "" {
		zf, err := dictFS.Open(f.gz)
		if err != nil {
			return fmt.Errorf("opening embedded %s: %w", f.gz, err)
		}
		defer zf.Close()
		zr, err := gzip.NewReader(zf)
		if err != nil {
			return fmt.Errorf("reading embedded %s: %w", f.gz, err)
		}
		defer zr.Close()
		src = zr
	}
	tmp, err := os.CreateTemp(dir, f.name+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), src)
	if err != nil {
		return fmt.Errorf("writing %s: %w", tmp.Name(), err)
	}
	if n != f.size || hex.EncodeToString(h.Sum(nil)) != f.sum {
		return fmt.Errorf("embedded %s is corrupt: %d bytes, SHA-256 %x", f.name, n, h.Sum(nil))
	}
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
