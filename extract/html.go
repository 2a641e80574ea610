package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlText returns the text of an HTML page's content (see Decode).
//
// Elements that never hold content (scripts, styles, form controls, the
// head, embedded frames and graphics) are dropped outright. Navigation,
// page headers and footers, asides, share bars, breadcrumbs and hidden
// elements are dropped too, unless they hold most of the page's text (a
// class="nav-wrap" around the whole report stays). Headers and footers
// inside <article> or <main> belong to the content and stay. A <form> is
// not dropped as such, as ASP.NET pages wrap everything in one; its
// controls are.
//
// Text follows the HTML rendering rules: white space collapses to one
// space, except a line break between two Chinese characters, which
// vanishes; block elements and table rows end lines, <br> breaks one, and
// runs of blank lines collapse to one. The walk is iterative, so deeply
// nested markup cannot exhaust the stack.
func htmlText(src string) string {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		// html.Parse refuses documents nested deeper than 512 elements
		// (runs of unclosed tags do that).
		return htmlTextFlat(src)
	}
	soft := softDropped(doc)
	var r renderer
	walkHTML(doc, func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			r.text(n.Data)
			return false
		case html.ElementNode:
			if hardDropped(n.DataAtom) || soft[n] {
				return false
			}
			r.enter(n.DataAtom)
			return true
		case html.DocumentNode:
			return true
		}
		return false
	}, func(n *html.Node) {
		if n.Type == html.ElementNode {
			r.leave(n.DataAtom)
		}
	})
	return r.result(pageTitle(doc))
}

// htmlTextFlat extracts text from the token stream, for documents too deeply
// nested to parse into a tree. It applies the same rules but drops only the
// elements that never hold report text: without a tree, the extent of a
// cruft element is not known for sure.
func htmlTextFlat(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var (
		r       renderer
		skip    int       // depth inside a dropped element
		skipTag atom.Atom // the dropped element's tag
		title   strings.Builder
	)
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return r.result(strings.Join(strings.Fields(title.String()), " "))
		case html.TextToken:
			switch {
			case skip == 0:
				r.text(string(z.Text()))
			case skipTag == atom.Title:
				title.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skip > 0 {
				if a == skipTag && tt == html.StartTagToken {
					skip++
				}
				continue
			}
			if hardDropped(a) {
				if tt == html.StartTagToken {
					skip, skipTag = 1, a
				}
				continue
			}
			r.enter(a)
			if tt == html.SelfClosingTagToken || isVoid(a) {
				r.leave(a)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skip > 0 {
				if a == skipTag {
					skip--
				}
				continue
			}
			if !isVoid(a) {
				r.leave(a)
			}
		}
	}
}

// isVoid reports whether an element has no end tag.
func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr,
		atom.Img, atom.Input, atom.Link, atom.Meta, atom.Source, atom.Track,
		atom.Wbr:
		return true
	}
	return false
}

// renderer turns a stream of elements and text into lines.
type renderer struct {
	w     textWriter
	pre   int // depth inside <pre>
	h1    int // depth inside <h1>
	sawH1 bool
}

func (r *renderer) text(s string) {
	if r.w.text(s, r.pre > 0) && r.h1 > 0 {
		r.sawH1 = true
	}
}

func (r *renderer) enter(a atom.Atom) {
	switch a {
	case atom.Br:
		r.w.lineBreak()
	case atom.Td, atom.Th:
		r.w.cell()
	case atom.Pre, atom.Listing:
		r.pre++
	case atom.H1:
		r.h1++
	}
	if isBlock(a) {
		r.w.block()
	}
}

func (r *renderer) leave(a atom.Atom) {
	switch a {
	case atom.Pre, atom.Listing:
		r.pre = max(r.pre-1, 0)
	case atom.H1:
		r.h1 = max(r.h1-1, 0)
	case atom.Td, atom.Th:
		r.w.cell()
	}
	if isBlock(a) {
		r.w.block()
	}
}

// result returns the text, with the title as its first line when no <h1>
// held text.
func (r *renderer) result(title string) string {
	text := tidyLines(r.w.b.String())
	if r.sawH1 || title == "" {
		return text
	}
	if text == "" {
		return title
	}
	return title + "\n" + text
}

// walkHTML visits the tree under root in document order without recursion:
// enter is called on every node reached and returns whether to descend into
// its children; leave is called after the children of every node entered
// with true.
func walkHTML(root *html.Node, enter func(*html.Node) bool, leave func(*html.Node)) {
	n := root
	for {
		if enter(n) {
			if n.FirstChild != nil {
				n = n.FirstChild
				continue
			}
			leave(n)
		}
		// Climb until a node with a next sibling, leaving each parent.
		for n != root && n.NextSibling == nil {
			n = n.Parent
			leave(n)
		}
		if n == root {
			return
		}
		n = n.NextSibling
	}
}

// hardDropped reports whether an element never holds report text.
func hardDropped(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe,
		atom.Frameset, atom.Svg, atom.Math, atom.Head, atom.Title, atom.Select,
		atom.Button, atom.Textarea, atom.Object, atom.Embed, atom.Canvas,
		atom.Audio, atom.Video, atom.Datalist:
		return true
	}
	return false
}

// softDropped finds the portal cruft to drop: navigation, page headers and
// footers, asides and elements whose class or id says so, and hidden
// elements, each only when it holds at most half of the page's text.
func softDropped(doc *html.Node) map[*html.Node]bool {
	type open struct {
		n     *html.Node
		start int
	}
	var (
		total   int
		stack   []open // candidates being walked
		lengths = map[*html.Node]int{}
		content int // depth inside <article>/<main>
	)
	walkHTML(doc, func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			total += visibleLen(n.Data)
			return false
		case html.ElementNode:
			if hardDropped(n.DataAtom) {
				return false
			}
			if n.DataAtom == atom.Article || n.DataAtom == atom.Main {
				content++
			}
			if isCruft(n, content > 0) {
				stack = append(stack, open{n, total})
			}
			return true
		case html.DocumentNode:
			return true
		}
		return false
	}, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if k := len(stack) - 1; k >= 0 && stack[k].n == n {
			lengths[n] = total - stack[k].start
			stack = stack[:k]
		}
		if n.DataAtom == atom.Article || n.DataAtom == atom.Main {
			content--
		}
	})
	drop := make(map[*html.Node]bool, len(lengths))
	for n, l := range lengths {
		if l*2 <= total || l < minWrapperText {
			drop[n] = true
		}
	}
	return drop
}

// minWrapperText is the least text an element marked as cruft must hold to
// be taken for a wrapper of the page's content (a report has thousands of
// characters; a navigation-only page a few dozen).
const minWrapperText = 100

// visibleLen counts the characters of s that are not white space.
func visibleLen(s string) int {
	n := 0
	for _, r := range s {
		if !isHTMLSpace(r) {
			n++
		}
	}
	return n
}

// cruftWords mark class and id values of portal cruft: navigation, menus,
// breadcrumbs (当前位置: dqwz, weizhi), share bars (fenxiang), sidebars.
var cruftWords = []string{
	"nav", "menu", "breadcrumb", "crumb", "bread", "share", "fenxiang",
	"sidebar", "side-bar", "daohang", "dqwz", "weizhi",
}

// chromeWords mark page headers and footers, which are cruft unless they
// belong to the content (article-header, news_title_head).
var chromeWords = []string{"header", "footer", "foot"}

var contentWords = []string{"article", "content", "detail", "title", "post", "news", "text", "body"}

// isCruft reports whether an element is a candidate for dropping;
// inContent tells whether it sits inside <article> or <main>.
func isCruft(n *html.Node, inContent bool) bool {
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return false
	case atom.Nav, atom.Aside:
		return true
	case atom.Header, atom.Footer:
		if !inContent {
			return true
		}
	}
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "hidden":
			return true
		case "style":
			st := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
				return true
			}
		case "class", "id":
			for _, word := range strings.Fields(strings.ToLower(a.Val)) {
				if containsAnyWord(word, cruftWords) {
					return true
				}
				if !inContent && containsAnyWord(word, chromeWords) && !containsAnyWord(word, contentWords) {
					return true
				}
			}
		}
	}
	return false
}

func containsAnyWord(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// isBlock reports whether an element starts and ends a line.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body,
		atom.Caption, atom.Center, atom.Dd, atom.Details, atom.Dialog,
		atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Fieldset, atom.Figcaption,
		atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3,
		atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup, atom.Hr,
		atom.Html, atom.Legend, atom.Li, atom.Listing, atom.Main, atom.Menu,
		atom.Nav, atom.Ol, atom.P, atom.Pre, atom.Section, atom.Summary,
		atom.Table, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr, atom.Ul:
		return true
	}
	return false
}

// pageTitle returns the text of the first <title>, white space collapsed.
func pageTitle(doc *html.Node) string {
	var title *html.Node
	walkHTML(doc, func(n *html.Node) bool {
		if title != nil {
			return false
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Title {
			title = n
			return false
		}
		return n.Type == html.DocumentNode || n.Type == html.ElementNode
	}, func(*html.Node) {})
	if title == nil {
		return ""
	}
	var b strings.Builder
	for c := title.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// tidyLines empties lines that hold only white space (&nbsp; spacers, full-
// width indents), trims white space at line ends, and collapses runs of
// blank lines to one.
func tidyLines(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := true // no blank line at the start
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if l == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		out = append(out, l)
		blank = false
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

// isHTMLSpace reports whether r is HTML white space.
func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

// isWide reports whether r is an East Asian wide character, between two of
// which a line break in the source is not a space.
func isWideRune(r rune) bool {
	switch {
	case r >= 0x2E80 && r <= 0x2FDF, r >= 0x3000 && r <= 0x30FF,
		r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6:
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// textWriter accumulates rendered text.
type textWriter struct {
	b          strings.Builder
	last       rune // last character written on the current line, 0 at its start
	space      bool // collapsed white space pending
	spaceBreak bool // the pending white space held a line break
	breaks     int  // line breaks pending
}

// text writes the text of a text node and reports whether it held anything
// but white space.
func (w *textWriter) text(s string, pre bool) bool {
	written := false
	for _, r := range s {
		if pre {
			if r == '\n' {
				w.breaks++
				continue
			}
			if r == '\r' {
				continue
			}
			w.flush(false)
			w.put(r)
			written = written || !isHTMLSpace(r)
			continue
		}
		if isHTMLSpace(r) {
			w.space = true
			if r == '\n' || r == '\r' {
				w.spaceBreak = true
			}
			continue
		}
		w.flush(w.space && !(w.spaceBreak && isWideRune(w.last) && isWideRune(r)))
		w.put(r)
		written = true
	}
	return written
}

// flush writes pending line breaks (at most one blank line, none at the
// start) or, on the same line, a pending space.
func (w *textWriter) flush(space bool) {
	if w.breaks > 0 {
		if w.b.Len() > 0 {
			w.b.WriteString("\n\n"[:min(w.breaks, 2)])
		}
		w.breaks = 0
		w.last = 0
	} else if space && w.last != 0 {
		w.b.WriteByte(' ')
	}
	w.space, w.spaceBreak = false, false
}

func (w *textWriter) put(r rune) {
	w.b.WriteRune(r)
	w.last = r
}

// block ends the current line, if anything is on it.
func (w *textWriter) block() {
	if w.last != 0 && w.breaks == 0 {
		w.breaks = 1
	}
	w.space, w.spaceBreak = false, false
}

// lineBreak is a <br>.
func (w *textWriter) lineBreak() {
	w.breaks++
	w.space, w.spaceBreak = false, false
}

// cell separates table cells with a space.
func (w *textWriter) cell() {
	if w.last != 0 {
		w.space = true
	}
}
