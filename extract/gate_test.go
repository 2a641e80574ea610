package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gated lists the gated expressions, by name.
var gated = map[string]gatedRe{
	"planYearRe": planYearRe, "preparingRe": preparingRe,
	"deployRe": deployRe, "promoteRe": promoteRe, "learnParentRe": learnParentRe,
}

// TestGatesAreSound checks, on the sample texts and on sentences written
// to match, that every match of a gated expression holds a word of each
// of its groups: the gate never hides a match.
func TestGatesAreSound(t *testing.T) {
	texts := []string{
		"下一步，计划于2024年建成矛盾纠纷调处中心。",
		"预计年底前正式投入运行。",
		"《条例》（草案），待市人大常委会审议通过后印发。",
		"正在研究起草《实施办法》。",
		"根据市委、市政府统一部署，开展府检联动试点。",
		"作为市里确定的试点，率先建立机制。",
		"学习借鉴全市的先进经验，推行一会三单。",
		"该做法在全省范围内复制推广。",
	}
	for _, pattern := range []string{"../examples/corpus/*.txt", "testdata/styles/*.txt"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	if len(texts) < 20 {
		t.Fatalf("only %d texts: the sample corpus is missing", len(texts))
	}
	matched := make(map[string]int)
	for name, g := range gated {
		for _, text := range texts {
			for _, line := range strings.Split(text, "\n") {
				for _, m := range g.re.FindAllString(line, -1) {
					matched[name]++
					if !g.may(m) {
						t.Errorf("%s matches %q, which its gate %v rejects", name, m, g.need)
					}
				}
			}
		}
	}
	for name := range gated {
		if matched[name] == 0 {
			t.Errorf("%s matched nothing: the test shows nothing of its gate", name)
		}
	}
}

// FuzzGates checks that a gated expression matches exactly where the
// expression alone does.
func FuzzGates(f *testing.F) {
	for _, s := range []string{"计划于2025年完成", "根据县委部署", "学习借鉴市里经验", "全省推广", "正在筹建", "预计明年上线"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, g := range gated {
			if got, want := g.MatchString(s), g.re.MatchString(s); got != want {
				t.Errorf("%s.MatchString(%q) = %v, the expression alone %v", name, s, got, want)
			}
		}
	})
}
