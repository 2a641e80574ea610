package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Errors returned when reading a report. They come wrapped with the
// operation and the file name; test for them with errors.Is.
var (
	// ErrNotText means the input is binary data (a PDF, an image, an
	// archive, or mostly NULs and control bytes), not text in any encoding.
	ErrNotText = errors.New("extract: not text")
	// ErrTooLarge means the input is over the size cap given to Read or
	// ReadFile.
	ErrTooLarge = errors.New("extract: input too large")
	// ErrEmpty means the input holds no text: no bytes, only white space,
	// or HTML with nothing but markup, scripts and navigation.
	ErrEmpty = errors.New("extract: no text")
)

// Formats of Input.Format.
const (
	FormatText = "text"
	FormatHTML = "html"
)

// DefaultMaxBytes is the size cap Read and ReadFile apply when given none.
// A report is 10–20 KB of text; its web page rarely passes 1 MB.
const DefaultMaxBytes = 16 << 20

// Input is the original text of a report, as decoded from its bytes.
type Input struct {
	// Text is the decoded text with line endings normalised to \n; for an
	// HTML page, the text of its content (see Decode). All evidence offsets
	// refer to it.
	Text string
	// Format is FormatText or FormatHTML.
	Format string
	// Encoding names the character encoding the bytes were decoded from:
	// "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030" (also for GBK and GB2312,
	// which it contains), "Big5", or for an HTML page that declares another
	// encoding, that encoding's WHATWG name ("windows-1252").
	Encoding string
}

// ReadFile reads and decodes the report at path (see Decode). Files over
// maxBytes are refused with ErrTooLarge; maxBytes <= 0 means
// DefaultMaxBytes. It returns the raw bytes too, for hashing.
func ReadFile(ctx context.Context, path string, maxBytes int64) (Input, []byte, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	f, err := os.Open(path)
	if err != nil {
		return Input{}, nil, fmt.Errorf("extract.ReadFile(%q): %w", path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil {
		if fi.IsDir() {
			return Input{}, nil, fmt.Errorf("extract.ReadFile(%q): is a directory", path)
		}
		if fi.Mode().IsRegular() && fi.Size() > maxBytes {
			return Input{}, nil, fmt.Errorf("extract.ReadFile(%q): %w: %d bytes, the cap is %d", path, ErrTooLarge, fi.Size(), maxBytes)
		}
	}
	in, raw, err := readInput(ctx, f, path, maxBytes)
	if err != nil {
		return in, raw, fmt.Errorf("extract.ReadFile(%q): %w", path, err)
	}
	return in, raw, nil
}

// Read reads everything from r and decodes it (see Decode); name is the
// file name or URL the bytes come from, used to recognise HTML by its
// extension and in error messages. Inputs over maxBytes are refused with
// ErrTooLarge; maxBytes <= 0 means DefaultMaxBytes. It returns the raw bytes
// too, for hashing. Reading stops when ctx is done.
func Read(ctx context.Context, r io.Reader, name string, maxBytes int64) (Input, []byte, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	in, raw, err := readInput(ctx, r, name, maxBytes)
	if err != nil {
		return in, raw, fmt.Errorf("extract.Read(%q): %w", name, err)
	}
	return in, raw, nil
}

func readInput(ctx context.Context, r io.Reader, name string, maxBytes int64) (Input, []byte, error) {
	raw, err := io.ReadAll(io.LimitReader(ctxReader{ctx, r}, maxBytes+1))
	if err != nil {
		return Input{}, nil, err
	}
	if int64(len(raw)) > maxBytes {
		return Input{}, nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, maxBytes)
	}
	in, err := decodeInput(raw, name)
	return in, raw, err
}

// ctxReader stops reading once its context is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// Decode turns the raw bytes of a report into its original text. name (a
// file name or URL) is used to recognise HTML by its extension and in error
// messages.
//
// The encoding is taken from a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
// else from an HTML page's <meta charset> or http-equiv Content-Type, when
// the bytes agree with it; else valid UTF-8 is UTF-8, and anything else is
// decoded as GB18030 (which reads GBK and GB2312), Big5, UTF-8 and, when the
// byte pattern suggests it, UTF-16, keeping the decoding that reads as the
// most plausible Chinese. Invalid sequences become U+FFFD.
//
// HTML (a .html/.htm name, or a document starting like one) is reduced to
// the text of its content: scripts, styles, form controls, navigation,
// page headers and footers, share bars and hidden elements are dropped,
// block elements end lines, and the <title> becomes the first line when the
// page has no <h1> (portal titles carry the site's name).
//
// The only other change is that line endings become \n. Decode returns
// ErrNotText for binary data and ErrEmpty when there is no text.
func Decode(raw []byte, name string) (Input, error) {
	in, err := decodeInput(raw, name)
	if err != nil {
		return in, fmt.Errorf("extract.Decode(%q): %w", name, err)
	}
	return in, nil
}

func decodeInput(raw []byte, name string) (Input, error) {
	if len(raw) == 0 {
		return Input{}, ErrEmpty
	}
	if kind := binaryKind(raw); kind != "" {
		return Input{}, fmt.Errorf("%w: looks like %s", ErrNotText, kind)
	}
	isHTML := hasHTMLExtension(name)
	enc, body := encodingFromBOM(raw)
	if enc == "" {
		declared := ""
		if isHTML || sniffHTML(raw) {
			declared = declaredCharset(raw)
		}
		enc = chooseEncoding(raw, declared)
	}
	text := decodeAs(enc, body)
	if bad := badRunes(text); bad != "" {
		return Input{}, fmt.Errorf("%w: %s", ErrNotText, bad)
	}
	text = normalizeLineEndings(text)
	in := Input{Text: text, Format: FormatText, Encoding: enc}
	if isHTML || sniffHTML([]byte(text[:min(len(text), sniffLen)])) {
		in.Format = FormatHTML
		in.Text = htmlText(text)
	}
	if strings.TrimSpace(in.Text) == "" {
		return in, ErrEmpty
	}
	return in, nil
}

// Encoding names.
const (
	encUTF8    = "UTF-8"
	encUTF16LE = "UTF-16LE"
	encUTF16BE = "UTF-16BE"
	encGB18030 = "GB18030"
	encBig5    = "Big5"
)

// encodingFromBOM returns the encoding a byte-order mark announces and the
// bytes after the mark, or "" and raw.
func encodingFromBOM(raw []byte) (string, []byte) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		return encUTF8, raw[3:]
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return encUTF16LE, raw[2:]
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return encUTF16BE, raw[2:]
	}
	return "", raw
}

// decodeAs decodes b from the named encoding, replacing invalid sequences
// with U+FFFD.
func decodeAs(name string, b []byte) string {
	if name == encUTF8 {
		return decodeUTF8(b)
	}
	enc := encodingByName(name)
	if enc == nil {
		return decodeUTF8(b)
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		// The x/text decoders replace invalid input rather than fail;
		// should one fail, keep what is certain: the valid UTF-8 reading.
		return decodeUTF8(b)
	}
	return string(out)
}

// encodingByName returns the decoder for an encoding name Decode reports.
func encodingByName(name string) encoding.Encoding {
	switch name {
	case encGB18030:
		return simplifiedchinese.GB18030
	case encBig5:
		return traditionalchinese.Big5
	case encUTF16LE:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case encUTF16BE:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	case encUTF8:
		return nil
	}
	e, err := htmlindex.Get(name)
	if err != nil {
		return nil
	}
	return e
}

// decodeUTF8 returns b as a string with every maximal invalid subsequence
// replaced by one U+FFFD, as the WHATWG decoder does (a truncated character
// at the end is one replacement, not one per byte).
func decodeUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + 16)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r != utf8.RuneError || size > 1 {
			sb.WriteString(string(b[:size]))
			b = b[size:]
			continue
		}
		sb.WriteRune(utf8.RuneError)
		b = b[invalidPrefixLen(b):]
	}
	return sb.String()
}

// invalidPrefixLen returns the length of the maximal subpart of an invalid
// UTF-8 sequence at the start of b (at least 1).
func invalidPrefixLen(b []byte) int {
	c := b[0]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c == 0xE0:
		need, lo = 2, 0xA0
	case c >= 0xE1 && c <= 0xEC, c == 0xEE, c == 0xEF:
		need = 2
	case c == 0xED:
		need, hi = 2, 0x9F
	case c == 0xF0:
		need, lo = 3, 0x90
	case c >= 0xF1 && c <= 0xF3:
		need = 3
	case c == 0xF4:
		need, hi = 3, 0x8F
	default:
		return 1
	}
	n := 1
	for i := 0; i < need && n < len(b); i++ {
		if b[n] < lo || b[n] > hi {
			break
		}
		lo, hi = 0x80, 0xBF
		n++
	}
	return n
}

// binaryKind names a binary format b starts with, or returns "".
func binaryKind(b []byte) string {
	magic := []struct {
		prefix, kind string
	}{
		{"%PDF-", "a PDF document"},
		{"\x89PNG\r\n\x1a\n", "a PNG image"},
		{"\xff\xd8\xff", "a JPEG image"},
		{"GIF87a", "a GIF image"},
		{"GIF89a", "a GIF image"},
		{"PK\x03\x04", "a ZIP archive (DOCX, XLSX, …)"},
		{"\x1f\x8b", "gzip data"},
		{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE document (DOC, XLS, …)"},
		{"\x7fELF", "an ELF binary"},
		{"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
		{"Rar!\x1a\x07", "a RAR archive"},
		{"BZh", "bzip2 data"},
	}
	for _, m := range magic {
		if bytes.HasPrefix(b, []byte(m.prefix)) {
			if m.prefix == "BZh" && (len(b) < 4 || b[3] < '1' || b[3] > '9') {
				continue
			}
			return m.kind
		}
	}
	if len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP" {
		return "a WebP image"
	}
	return ""
}

// badRunes explains why decoded text is not text ("" when it is): mostly
// NULs and control characters, or mostly undecodable bytes.
func badRunes(s string) string {
	var n, ctl, bad int
	for _, r := range s {
		n++
		switch {
		case r == utf8.RuneError:
			bad++
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v',
			r == 0x7F, r >= 0x80 && r <= 0x9F:
			ctl++
		}
	}
	switch {
	case ctl*10 > n:
		return fmt.Sprintf("%d of %d characters are NULs or control characters", ctl, n)
	case (ctl+bad)*2 > n:
		return fmt.Sprintf("%d of %d characters are undecodable", ctl+bad, n)
	}
	return ""
}

// normalizeLineEndings turns \r\n and lone \r into \n.
func normalizeLineEndings(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// hasHTMLExtension reports whether a file name or URL path names an HTML
// page.
func hasHTMLExtension(name string) bool {
	if i := strings.IndexAny(name, "?#"); i >= 0 && strings.Contains(name, "://") {
		name = name[:i]
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return true
	}
	return false
}

// sniffLen is how far into a text sniffHTML looks.
const sniffLen = 1024

// sniffHTML reports whether b, ASCII-compatible bytes, starts like an HTML
// document: <!DOCTYPE html, <html, <head or <body within its first
// kilobyte.
func sniffHTML(b []byte) bool {
	b = bytes.ToLower(b[:min(len(b), sniffLen)])
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if i := bytes.Index(b, []byte(tag)); i >= 0 {
			if end := i + len(tag); end == len(b) || !isNameByte(b[end]) {
				return true
			}
		}
	}
	return false
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

// prescanLen is how far into an HTML page declaredCharset looks.
const prescanLen = 8 << 10

// declaredCharset returns the encoding an HTML page declares in its first
// bytes (<meta charset>, <meta http-equiv="Content-Type" content="…;
// charset=…">, or an XML declaration), as a name Decode reports, or "".
// Declarations of UTF-16 are ignored: a page readable as ASCII cannot be
// UTF-16.
func declaredCharset(raw []byte) string {
	head := raw[:min(len(raw), prescanLen)]
	label := ""
	if bytes.HasPrefix(head, []byte("<?xml")) {
		if end := bytes.Index(head, []byte("?>")); end > 0 {
			label = attrValue(string(head[:end]), "encoding")
		}
	}
	z := html.NewTokenizer(bytes.NewReader(head))
	for label == "" {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tag, hasAttr := z.TagName()
		if string(tag) == "body" {
			break
		}
		if string(tag) != "meta" || !hasAttr {
			continue
		}
		var charset, content string
		httpEquiv := false
		for {
			k, v, more := z.TagAttr()
			switch strings.ToLower(string(k)) {
			case "charset":
				charset = string(v)
			case "content":
				content = string(v)
			case "http-equiv":
				httpEquiv = strings.EqualFold(strings.TrimSpace(string(v)), "content-type")
			}
			if !more {
				break
			}
		}
		switch {
		case charset != "":
			label = charset
		case httpEquiv && content != "":
			label = attrValue(content, "charset")
		}
	}
	return charsetName(label)
}

// attrValue finds key=value (value optionally quoted) in s.
func attrValue(s, key string) string {
	lower := strings.ToLower(s)
	i := strings.Index(lower, key)
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(s[i+len(key):], " \t\n\r\f")
	if !strings.HasPrefix(rest, "=") {
		return ""
	}
	rest = strings.TrimLeft(rest[1:], " \t\n\r\f")
	if rest != "" && (rest[0] == '"' || rest[0] == '\'') {
		if end := strings.IndexByte(rest[1:], rest[0]); end >= 0 {
			return rest[1 : end+1]
		}
		return rest[1:]
	}
	end := strings.IndexAny(rest, " \t\n\r\f;\"'>")
	if end < 0 {
		return rest
	}
	return rest[:end]
}

// charsetName maps a charset label to the name Decode reports, "" for none
// or one it will not use.
func charsetName(label string) string {
	label = strings.TrimSpace(label)
	if label == "" {
		return ""
	}
	e, err := htmlindex.Get(label)
	if err != nil {
		return ""
	}
	name, err := htmlindex.Name(e)
	if err != nil {
		return ""
	}
	switch name {
	case "utf-8":
		return encUTF8
	case "gbk", "gb18030":
		return encGB18030
	case "big5":
		return encBig5
	case "utf-16le", "utf-16be", "replacement", "x-user-defined":
		return ""
	}
	return name
}

// detectSampleLen is how much of the input chooseEncoding scores.
const detectSampleLen = 64 << 10

// chooseEncoding picks the encoding of raw, which has no byte-order mark;
// declared is what the page declares ("" for nothing).
func chooseEncoding(raw []byte, declared string) string {
	if allASCII(raw) {
		if declared != "" && encodingByName(declared) != nil && isASCIICompatible(declared) {
			return declared
		}
		return encUTF8
	}
	if declared == "" && utf8.Valid(raw) {
		return encUTF8
	}
	sample := raw[:min(len(raw), detectSampleLen)]
	cands := []string{encUTF8, encGB18030, encBig5}
	if looksUTF16(sample, 1) {
		cands = append(cands, encUTF16LE)
	}
	if looksUTF16(sample, 0) {
		cands = append(cands, encUTF16BE)
	}
	if declared != "" && !slices.Contains(cands, declared) {
		cands = append(cands, declared)
	}
	best, bestScore := "", 0.0
	scores := make(map[string]float64, len(cands))
	for _, c := range cands {
		s := plausibility(decodeAs(c, sample))
		scores[c] = s
		if best == "" || s > bestScore {
			best, bestScore = c, s
		}
	}
	if declared != "" {
		// Honour the declaration unless another reading is clearly better.
		margin := float64(countNonASCII(sample))/20 + 2
		if bestScore <= scores[declared]+margin {
			return declared
		}
	}
	return best
}

func allASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func countNonASCII(b []byte) int {
	n := 0
	for _, c := range b {
		if c >= 0x80 {
			n++
		}
	}
	return n
}

// isASCIICompatible reports whether ASCII bytes mean ASCII in the named
// encoding.
func isASCIICompatible(name string) bool {
	switch name {
	case encUTF16LE, encUTF16BE:
		return false
	}
	return true
}

// looksUTF16 reports whether the bytes at positions of the given parity (1:
// the high bytes of UTF-16LE, 0: of UTF-16BE) look like the high bytes of
// Chinese or ASCII text: 0x00 (ASCII), 0x20 (punctuation), 0x30 (CJK
// punctuation), 0x4E–0x9F (Han), 0xFF (full-width forms).
func looksUTF16(b []byte, parity int) bool {
	if len(b) < 4 {
		return false
	}
	n, hit := 0, 0
	for i := parity; i < len(b); i += 2 {
		n++
		switch c := b[i]; {
		case c == 0x00, c == 0x20, c == 0x30, c == 0xFF, c >= 0x4E && c <= 0x9F:
			hit++
		}
	}
	return hit*10 >= n*6
}

// plausibility scores how much s reads like Chinese (or English) text: a
// point per common Han character and per punctuation mark, half a point per
// ASCII character, three points off per replacement, control, private-use
// or surrogate character. Rare Han characters, which wrong decodings produce
// in bulk, score nothing.
func plausibility(s string) float64 {
	common := commonHanSet()
	score := 0.0
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\f':
			score += 0.5
		case r < 0x20 || r >= 0x7F && r <= 0x9F:
			score -= 3
		case r < 0x7F:
			score += 0.5
		case r == utf8.RuneError:
			score -= 3
		case common.has(r):
			score++
		case r >= 0x3000 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF5E, r >= 0x2010 && r <= 0x2027:
			score++
		case r >= 0xE000 && r <= 0xF8FF, r >= 0xD800 && r <= 0xDFFF, r >= 0xFDD0 && r <= 0xFDEF:
			score -= 3
		}
	}
	return score
}

var commonHanOnce = sync.OnceValue(func() *runeSet {
	s := new(runeSet)
	for _, r := range commonHan {
		s.add(r)
	}
	return s
})

func commonHanSet() *runeSet { return commonHanOnce() }

// commonHan holds the 2,000 most frequent Han characters of Chinese text
// (by the word frequencies of the jieba dictionary, which cover 96% of its
// Han characters) followed by the traditional forms OpenCC gives them. It
// tells a right decoding, where nearly all Han characters are common, from
// a wrong one, where most are rare.
const commonHan = "" +
	"一是人了不在有大中国和为这上他个地年来我会以到时要出的生学说道民家子也成行下们于后就发自之对得主长可过天作分方用多你着部" +
	"能市等业全里工公经本都而高政法面门动日进区事代那去心小同北定开产前其军还然起种所如现理机体表力好外与文当两实重新三么只山" +
	"水关明从化平建又制南内西没此将员名手最东头者月间无安看见各城十相但已些正口通想度加第她合院物性战由位常点海意场武使次二向" +
	"治因立数样身情入原问把路被并利石老教万知级量任江及应省资委务元美特期世湖回系比气汉总展电科金先声提品设或义王社很统处四首" +
	"共马形己儿司太目基领队直计别女权话少流命至报米给打变果书清活华几州解议更称程今决张导术府才保交放管结师便走达族反再题色五" +
	"京河接条规式县白它改风光运信受什组听布百济党指论强做取技黄神选记斯真却职号界件花类何眼兵传带空干农边据集联古广完质阳难增" +
	"历史专官每住商即步认车台林必死游举线皇言土团收考求德叫近备研争非具李众连调感转笑革该持始英克士尔让拉思根格造较际亲单朝红" +
	"型价校约器字段周亚深候则功属积快图火千准究往极育装许参半令吃观鱼精办像帝八复影告远群包整构料随划算象容示投势热值夫网望源" +
	"息语股铁断派速怎需片爱律纪支早况病境证编越局推满且列觉服双未居除乐企引标确织初青志率项飞球节察龙响药站施均消客失轻存低甚" +
	"般击曾防请离落显罗营足素视护副食创余照兴占巴虽洲村费易试星木黑左宝置跟央识维采六底宫房音环案批切斗富乡另倒若按查故突责严" +
	"桥模仅胜杀围席态破承招杨负层须父供续状域似依银范修找九致密终血旅钱赛独细效玉冲获习医演毛尽脸弹楼艺航陆右协七攻镇检写苏宗" +
	"章注阿抗弟坐验封紧劳户优财养适陈喜卫排射哥油刻留急降念云微伤例景拿绝阶座刘刚害印亿沙母酒助闻超审待压升送监策略限竟香配藏" +
	"敌呢差仍兰温园树征善波哪词岛止预怕继皮执味份角草男普答益谁船惊核街夏宣掌田久著画辑奇尼剑吧谈背免孩礼材愿洋春架筑括晚乱乎" +
	"讲尚良友临激刀夜室既敢邦挥昌板胡欧福港叶简苦担句岁荆贵娘守辖威宜衣帮块堂额错剧充欢够孙班呼阵销坚练脚退读测吴希宁换版异某" +
	"顾曲楚典朱毒菜判救宋茶洪含顺啊鲜败货矿端兄归冷忙买险康评肉吗厂永哈沉散遗停笔假输牛洞松渐顶训录否述毕督控丰献姑忽爷互亮纳" +
	"襄登咱钟伯臣雄季脑介鄂召饭暗扩祖齐短烈赶牌恩诉移诗础露届蒙静喝卖盘植授伊湾博痛减穿逐秘庭陵固禁票灵杂姓泽吸侧庆妈遇追甲馆" +
	"补唐炮沿殿刺怪彩俄旧警索岸轮妇载靠附毫怀软骨探雷旁罪枪牙迎序慢盛雨墙恶谷顿危稳熟概酸操诸绿佛荣针托宽折野付午肯库厚缺罢耳" +
	"屋嘴末谢巨培页瓦款犯困店智拥雪翻圣戏旗婚吉奖岩疑币圆歌廷健卡烧析讨跑烟误仙疗舞亡闭汽伸脱秋姐繁侵川莫麻秀借寻私岗卷跳丽横" +
	"驻套兼您君丁束纸夺袁灯坏坦丝径购阴床瞧择墓宪峰遍鲁庙掉丹桃御舰避售怒课播拔奥延虚隐粮络遭摇潜庄混厅婆奴鼓赵访睡震予童徐韦" +
	"殖抓拜吨扬址洛休纵逃染纷贸透汇灭蛋森仪塔距狐融郡缓聚盖拍迹忠释润粉涓孔岭搜紫虑促抵钢塞寺津液码虎坛珍硬梁奔累役偏迫锛凡损" +
	"壁哭替税综伦冰盟挂韩竞乌尤弱铺妹秦尊竹珠迅脉泥鬼纯睛刑途隆潮幅杯握谋剂幸奉乘抱朋谓频崇壮骑紝恐享鸡虫绍铜呈泛械摆欲奶敬措" +
	"爆暴签猛郭嘉障缩亦废搞胞埃曰撤暖寒订俗绩阻盐萨勒忘奏孝贴灰梅触玩默醒胸莲篇柱裁啦淡抢捕闹纺截讯朗誉雅忍梦伙勇峡徒丈尾迷唱" +
	"泉泰佳残闪伍呀疾署剩贼冠倾豆申贫诺麦泪羊尖辈镜涉贡爹缘摩妻殊贝零映甘骂糖岳饮奋棉雕跃汗冒渡努赞启阁斤裂患伏池鹿洗劲晋倍圈" +
	"媒箭沟锋胆凭挑抬闯隔弄曹汤苗迁叹唯振储贯彻桌祭符僧衡炸旋喊凤黎郎援肥磁忌赏辽祥董仁辛瑞询敏浪貌毁昨巧腿抽荷陷焦净腹弃乃湘" +
	"亩滑狗冬宏皆番尸伟桂览恢龄绕趣晶坡魏摸伴墨浓绪舍蓝荡井阅鸿旦惯症鸟窗扎辞聘穷堰宇键荒递恨隶厉杜闲腰袭侍灾涨叔湿寨幕豪郑磨" +
	"浮薄券赤腐译租氧戴邓煤肠牧孤诏妙旨堡册锅胖柳阔吹丘趋锦颜悬陶拳诚尺晓插蒋艇勤穴摄燕垂罚辆戒稀腾粗袋绘炎氏肩枝狂泊估杭扑臂" +
	"哲寡偷懂琴悲盾炒稍矛愈籍颁吐呆违亭眉撞贷刊巡屈堆曼饰碎滚悉寄浜迟描污辅魔烦鼻盗餐幼凉仗冈澳驾銆菌肚肃爸仰抚慈扶盆仿炼纲倘" +
	"碗杰忧惜扫暂祝跨渔宾漫寿猪涌凝邻赴恰劝仇践顷赋悄莱拟贤愤姆乏轰粒逼傅陕昆溶葬燃魂挺腊耐犹辉乳陪颇斜棋殑熊浅沈姊返翼丧拖惨" +
	"俊驱袖惠涂添牵咸详碰割侯纤柔档糊岂跪拒覆绣吓宿偶揭赖烤卢娃颗邮扇伐循衰弦凯羽枚帅锁疏搭俱帐胶赫鐨埋蒸壳剉彼脏箱浙弯瓜挡拱" +
	"筹疆肿膜刷杆凶债甜泡玄贾谱夹乾遣薪灌咬尘填廊钻丛狼牢脊熙卒碑漠躲削徽踏贺朵遵狠菲撒扰蛇锡炉纹匹亏鉴慕跌慌穆邀芳爬豫吾奸棒" +
	"淮捷耕艘齿醉脂兽滴盈卵滋柴溪妃浠碍瓶辩遂怨拨肌俘挖恒励鸣肝腔偿秒拦允塑拆靖耗凌披胁吏纽烂尝垸辟耶艰佩敦疼荐厘匠柏悠壤拾乔" +
	"轴妖喷掩璃孟轨歇猜晨坊桑堤畅瞎氨辨鞋昏恭畜浩迪雾丢咨擦窝洁飘捉搬奈肤愁砖辣幽嘛赢藕挤舒狮耀诊扣篮尿唤梯勾霍舌侠筋枢屏衙殷" +
	"栏纠链恋惧笼寸冶弥晃叙吊哩稿娜剥拼欺榜囊汪逆骗堪猎棺胎俩郊掘匆缝乙藻携慧函辱扯嫩癌悟滩祸秉慰驰狱砍糕漏吞纬茅渠催踪叛浑牲" +
	"杖鞭腺邪欣汝碳彭咐椒绳颈漆遥夷郁斑忆阀卑瞭國爲這個箇來會時齣學說傢們於後發髮對長過業裏經麪門動進區衕開產軍還種現機體錶與" +
	"當噹兩實麼隻祇關從製內沒將員東頭間無見閤戰點場嚮曏數樣問並併萬級應資務迴係繫氣漢總電聲設義統處馬兒領隊計別彆權話報給變書" +
	"華幾議稱決張導術朮纔結師達題條規縣牠風運組聽佈濟黨論強黃選記卻職號類傳帶幹農邊據聯廣質陽難歷曆專認車臺檯颱遊舉線團糰備爭" +
	"衆連調轉該剋爾讓較際親單紅價約週賙亞則屬積圖韆準極裝許參蔘喫觀魚辦復複遠羣構隨劃勢熱伕網語鐵斷愛紀況證証編侷滿覺雙樂標確" +
	"織誌項飛節龍響藥葯輕擊請離顯羅營視護創餘興佔雖費試寶識維採寀宮環鬥鄉責嚴橋僅勝殺圍蓆態楊負層須鬚續狀銀範脩緻終錢賽獨細衝" +
	"沖獲穫習醫盡儘臉彈樓藝陸協鎮檢寫蘇甦囌註驗緊勞戶優財養適陳衛唸雲傷絕階劉剛億聞審壓昇監敵蘭溫園樹徵詞島預繼執誰驚覈畫輯劍" +
	"談揹禮願築亂講臨揮闆鬍衚歐葉簡擔歲荊貴孃轄幫塊額錯劇歡夠孫陣銷堅練腳讀測吳寧甯換異顧麴硃順鮮敗貨礦歸買險評嗎廠遺筆輸鬆漸" +
	"頂訓錄彔畢豐獻爺納鍾鐘鈡腦飯闇擴齊趕訴詩礎屆矇濛懞靜賣盤灣減祕靈雜澤側慶媽館補綵舊輪婦載懷軟槍牆惡噁穀頓穩痠諸綠彿榮針鍼" +
	"託寬摺庫罷謝鉅頁睏擁聖戲獎巖幣圓燒討煙菸誤療閉脫鞦藉尋俬崗捲麗橫駐紙奪燈壞絲徑購陰牀擇憲峯魯廟禦艦課奧虛隱糧絡搖潛莊廳趙" +
	"訪韋噸揚縱紛貿匯彙滅儀緩蓋跡蹟釋潤嶺蒐慮牴鋼碼壇罈樑錛損稅綜倫掛韓競烏鋪脈純盃謀劑倖謂頻壯騎雞蟲紹銅氾汎擺襬慾籤簽縮廢訂" +
	"績鹽薩貼觸翫蓮搶鬧紡訊譽夢夥峽殘閃賊傾貧諾麥淚輩鏡貢緣貝罵嶽飲奮鵰躍贊讚啓閣勁晉溝鋒膽憑闖湯遷嘆歎儲貫徹鏇鳳賞遼詢毀燬譭" +
	"淨棄畝鼕屍偉覽齡繞濃緒捨藍蕩盪閱鴻慣癥鳥紮辭窮鍵遞隸厲閒閑襲災漲溼鄭譯鄧腸詔冊鍋闊趨錦顏懸誠曉蔣攝罰輛騰繪撲癒頒違貸飾滾" +
	"遲輔煩盜涼岡駕肅撫彷煉鍊綱傑憂掃暫漁賓壽豬湧鄰勸讎踐頃賦萊擬賢憤轟陝崑臘猶輝頗淺瀋喪慘儁驅塗牽鹹詳纖縴檔豈繡嚇賴盧顆郵絃" +
	"凱帥鎖帳膠殼髒臟彎擋籌腫桿兇債賈譜夾塵鑽鉆叢賀擾錫爐紋虧鑑鑒姦齒獸礙辯撥恆勵鳴償攔淩脅紐爛嘗嚐闢艱薦喬軸噴軌暢霧丟諮窩潔" +
	"飄膚磚贏擠獅診釦籃喚俠樞欄糾鏈戀懼籠彌瀰敘弔剝騙獵倆縫攜灘禍馳獄緯蹤渾繩頸遙鬱憶閥"
