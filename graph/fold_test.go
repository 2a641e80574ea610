package graph

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"府检联动", "府检联动"},
		{"府檢聯席", "府检联席"},             // traditional
		{"“三三制”府检联动模式", "三三制府检联动模式"}, // curly quotes
		{`"三三制"府检联动模式`, "三三制府检联动模式"}, // straight quotes
		{"双随机、一公开", "双随机一公开"},        // enumeration comma
		{"法治政府建设实施纲要（2021—2025年）", "法治政府建设实施纲要20212025年"},
		{"法治政府建设实施纲要(2021-2025年)", "法治政府建设实施纲要20212025年"},
		{"Ｅ法审Ｅ公审", "e法审e公审"},  // full-width letters
		{"1＋4＋N", "1+4+n"},    // symbols stay
		{" 秀洲区\u3000", "秀洲区"}, // ideographic space
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripSuffix(t *testing.T) {
	tests := []struct{ in, want string }{
		{"府检联动工作机制", "府检联动"},
		{"府检联动机制", "府检联动"},
		{"府院联席会议", "府院联席"},
		{"机制", ""},
		{"枫桥经验", ""},
	}
	for _, tt := range tests {
		if got := stripSuffix(tt.in); got != tt.want {
			t.Errorf("stripSuffix(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"府檢聯席工作機制", "“三三制”府检联动模式", "Ｅ法审", "a b\tc", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Fold(s)
		if !utf8.ValidString(k) {
			t.Fatalf("Fold(%q) = %q, not UTF-8", s, k)
		}
		if i := strings.IndexFunc(k, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsControl(r)
		}); i >= 0 {
			t.Fatalf("Fold(%q) = %q keeps a space or punctuation", s, k)
		}
		// A key names the same entity when folded again.
		if again := Fold(k); again != k {
			t.Fatalf("Fold(Fold(%q)) = %q, want %q", s, again, k)
		}
	})
}
