// Package jieba segments Chinese text into words with part-of-speech tags,
// using cppjieba through github.com/yanyiwu/gojieba (cgo).
//
// The dictionaries ship inside the binary: New writes them on first use to
// a cache directory (os.UserCacheDir()/fazhikg/jieba-<content hash>/, or the
// same under os.TempDir()) and passes all five paths to gojieba, which so
// never looks for its source directory.
//
// Offsets in Token count characters (Unicode code points) of the text given
// to Cut or Tag, as extract.Span does. The tokens of a text tile it: each
// starts where the previous one ends, white space included.
//
// # Concurrency
//
// A Segmenter is safe for concurrent use. cppjieba's Cut and Tag are const
// methods over a dictionary trie and an HMM model that are only read once
// built (Jieba.hpp, MixSegment.hpp, Trie.hpp: no mutable members, no static
// state; log lines use localtime_r); the only writers are InsertUserWord and
// DeleteUserWord, which this package calls in New alone, before the
// Segmenter is shared. Close waits for calls in progress. The race detector
// sees only the Go side; TestConcurrentUse checks that concurrent callers
// get the results a lone caller gets.
package jieba

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yanyiwu/gojieba"
)

// Options configure New.
type Options struct {
	// UserWords are added to the dictionary: domain terms the segmenter
	// must keep whole (府检联动, 枫桥经验).
	UserWords []Word
	// CacheDir is where the dictionaries are written, in a jieba-<hash>
	// subdirectory. Empty means os.UserCacheDir()/fazhikg, falling back to
	// os.TempDir()/fazhikg.
	CacheDir string
}

// Word is a user dictionary entry. Single-character words are weak: cppjieba
// protects only those loaded from a user dictionary file from its HMM, and
// these are inserted after loading.
type Word struct {
	Text string
	// Freq weighs the word against the dictionary's counts (the jieba
	// dictionary's median is about 3); 0 gives the default weight.
	Freq int
	// Tag is the part of speech Tag reports for the word (nz, nt …); empty
	// leaves it to the default rules.
	Tag string
}

// Token is one word of a segmented text.
type Token struct {
	Text string
	// Start and End are character offsets: Text is
	// string([]rune(text)[Start:End]).
	Start, End int
	// POS is the part-of-speech tag (jieba's set: n, v, ns, nt, m, x …);
	// empty from Cut.
	POS string
}

// Segmenter cuts text into words. Create it with New and release it with
// Close; it is safe for concurrent use.
type Segmenter struct {
	mu sync.RWMutex
	jb *gojieba.Jieba // nil once closed
}

// New loads the dictionaries (about a second) and adds opts.UserWords.
func New(opts Options) (*Segmenter, error) {
	for _, w := range opts.UserWords {
		if err := checkWord(w); err != nil {
			return nil, fmt.Errorf("jieba.New: user word %q: %w", w.Text, err)
		}
	}
	paths, err := dictionaryPaths(opts.CacheDir)
	if err != nil {
		return nil, fmt.Errorf("jieba.New: installing dictionaries: %w", err)
	}
	jb, err := newJieba(paths)
	if err != nil {
		return nil, fmt.Errorf("jieba.New: %w", err)
	}
	for _, w := range opts.UserWords {
		jb.AddWordEx(w.Text, w.Freq, w.Tag)
	}
	return &Segmenter{jb: jb}, nil
}

// newJieba calls gojieba.NewJieba, which panics when a file is missing.
func newJieba(paths []string) (jb *gojieba.Jieba, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("loading dictionaries: %v", r)
		}
	}()
	return gojieba.NewJieba(paths...), nil
}

// checkWord rejects user words cppjieba would mangle: invalid UTF-8, NULs,
// and separators (white space, ，。), which cppjieba cuts at before looking
// words up; and tags Tag could not parse back.
func checkWord(w Word) error {
	switch {
	case w.Text == "":
		return fmt.Errorf("empty")
	case !utf8.ValidString(w.Text):
		return fmt.Errorf("invalid UTF-8")
	case strings.ContainsAny(w.Text, "\x00 \t\n\r，。"):
		return fmt.Errorf("contains a NUL, white space, ， or 。")
	case w.Freq < 0:
		return fmt.Errorf("negative frequency %d", w.Freq)
	case strings.ContainsAny(w.Tag, "/\x00 \t\n\r"):
		return fmt.Errorf("tag %q contains / or white space", w.Tag)
	}
	return nil
}

// Close releases the dictionaries. Cut and Tag return nil afterwards.
func (s *Segmenter) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.jb != nil {
		s.jb.Free()
		s.jb = nil
	}
}

// Cut segments text (dictionary and HMM for unknown words, jieba's default
// mode).
func (s *Segmenter) Cut(text string) []Token {
	if text == "" {
		return nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.jb == nil {
		return nil
	}
	c := newCText(text)
	words := s.jb.Tokenize(c.s, gojieba.DefaultMode, true)
	tokens := make([]Token, 0, len(words))
	var pos offsets
	for _, w := range words {
		tokens = append(tokens, c.token(&pos, w.Start, w.End, ""))
	}
	return tokens
}

// Tag segments text as Cut does and tags each word with its part of speech:
// the dictionary's tag, or for an unknown word m (digits), eng (Latin
// letters) or x.
func (s *Segmenter) Tag(text string) []Token {
	if text == "" {
		return nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.jb == nil {
		return nil
	}
	c := newCText(text)
	tagged := s.jb.Tag(c.s)
	tokens := make([]Token, 0, len(tagged))
	var pos offsets
	at := 0
	for _, wt := range tagged {
		// "word/tag": the word may hold a slash, the tag never does.
		i := strings.LastIndexByte(wt, '/')
		if i < 0 {
			continue
		}
		word, tag := wt[:i], wt[i+1:]
		if !strings.HasPrefix(c.s[at:], word) {
			// cppjieba's words tile its input; resynchronise if not.
			j := strings.Index(c.s[at:], word)
			if j < 0 {
				continue
			}
			at += j
		}
		tokens = append(tokens, c.token(&pos, at, at+len(word), tag))
		at += len(word)
	}
	return tokens
}

// cText is a text made fit for C: valid UTF-8 without NULs, with the same
// characters at the same character offsets.
type cText struct {
	orig string
	s    string
	// byteAt[i] is the byte offset in orig of character i, when s differs
	// from orig; nil when they are the same.
	byteAt []int
}

// newCText replaces each NUL with a space and each invalid byte with
// U+FFFD: cppjieba reads C strings, and its UTF-8 decoder gives up on the
// whole text at the first invalid sequence.
func newCText(text string) cText {
	if utf8.ValidString(text) && strings.IndexByte(text, 0) < 0 {
		return cText{orig: text, s: text}
	}
	var b strings.Builder
	b.Grow(len(text) + 8)
	byteAt := make([]int, 0, len(text)+1)
	for i, r := range text {
		byteAt = append(byteAt, i)
		if r == 0 {
			r = ' '
		}
		b.WriteRune(r) // an invalid byte ranges as one utf8.RuneError
	}
	byteAt = append(byteAt, len(text))
	return cText{orig: text, s: b.String(), byteAt: byteAt}
}

// offsets tracks the conversion of increasing byte offsets of cText.s to
// character offsets.
type offsets struct{ bytePos, runePos int }

func (o *offsets) runeAt(s string, b int) int {
	if b > o.bytePos {
		o.runePos += utf8.RuneCountInString(s[o.bytePos:b])
		o.bytePos = b
	}
	return o.runePos
}

// token builds the token for bytes [start, end) of c.s.
func (c cText) token(pos *offsets, start, end int, tag string) Token {
	rs := pos.runeAt(c.s, start)
	re := pos.runeAt(c.s, end)
	text := c.s[start:end]
	if c.byteAt != nil {
		text = c.orig[c.byteAt[rs]:c.byteAt[re]]
	}
	return Token{Text: text, Start: rs, End: re, POS: tag}
}
