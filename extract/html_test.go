package extract

import (
	"strings"
	"testing"
)

// TestDecodeHTML checks the rules of HTML text extraction one by one.
func TestDecodeHTML(t *testing.T) {
	tests := []struct {
		name, html, want string
		// tree marks rules that need the parse tree (dropping cruft
		// elements), which the flat fallback for deep documents does not
		// apply.
		tree bool
	}{
		{"form wrapping the page kept", `<form id="form1"><p>正文</p><input name="q"><button>搜索</button></form>`, "正文", false},
		{"entities", `<p>A&amp;B &lt;规定&gt; &#x6CD5;&#27835;</p>`, "A&B <规定> 法治", false},
		{"blocks end lines", `<div>一</div><p>二</p><h3>三</h3><ul><li>四</li><li>五</li></ul>六`, "一\n二\n三\n四\n五\n六", false},
		{"br breaks a line", `<p>甲<br>乙<br/><br>丙</p>`, "甲\n乙\n\n丙", false},
		{"blank runs collapse", `<p>甲</p><br><br><br><br><p>乙</p>`, "甲\n\n乙", false},
		{"nbsp spacer lines are blank", "<p>甲</p><p>&nbsp;&nbsp;</p><p>\u3000</p><p>乙</p>", "甲\n\n乙", false},
		{"indents kept", "<p>\u3000\u3000正文</p>", "\u3000\u3000正文", false},
		{"spaces collapse", "<p>a  b \t c</p>", "a b c", false},
		{"source line break between Chinese vanishes", "<p>依法\n  行政, law\n and order</p>", "依法行政, law and order", false},
		{"table cells and rows", `<table><tr><th>项目</th><td>数量</td></tr><tr><td>文件</td><td>28</td></tr></table>`, "项目 数量\n文件 28", false},
		{"pre keeps lines", "<pre>一  二\n三</pre>", "一  二\n三", false},
		{"scripts and styles dropped", `<p>甲<script>var a="乙";</script><style>p{}</style><noscript>丙</noscript>丁</p>`, "甲丁", false},
		{"template iframe svg dropped", `<p>甲</p><template>乙</template><iframe>丙</iframe><svg><text>丁</text></svg><p>戊</p>`, "甲\n戊", false},
		{"form controls dropped", `<p>甲</p><select><option>乙</option></select><button>丙</button><textarea>丁</textarea>`, "甲", false},
		{"hidden dropped", `<p>甲</p><div style="DISPLAY: none;">乙</div><span hidden>丙</span><p style="visibility:hidden">丁</p><p>戊</p>`, "甲\n戊", true},
		{"class and id cruft dropped", `<div class="top-nav">一</div><div id="breadcrumb">二</div><div class="share-box">三</div><div class="sidebar">四</div><p>正文</p><div class="menu">五</div>`, "正文", true},
		{"page header and footer dropped", `<header>站名</header><div class="page-header">站名</div><p>正文</p><div id="footer">版权</div><footer>版权</footer>`, "正文", true},
		{"content headers kept", `<div class="article-header">报告标题</div><p>正文</p><div class="news_title_head">日期</div>`, "报告标题\n正文\n日期", false},
		{"cruft wrapping the page kept", `<body class="has-sidebar"><form><div class="nav-wrap"><p>` + strings.Repeat("正文", 30) + `</p><p>` + strings.Repeat("正文", 30) + `</p></div><div class="nav">首页</div></form></body>`, strings.Repeat("正文", 30) + "\n" + strings.Repeat("正文", 30), true},
		{"title when no h1", `<title> 报告 标题 </title><p>正文</p>`, "报告 标题\n正文", false},
		{"no title when h1", `<title>站名_报告</title><h1>报告</h1><p>正文</p>`, "报告\n正文", false},
		{"title when h1 only in cruft", `<title>报告_站名</title><div class="header"><h1>站名</h1></div><p>正文</p>`, "报告_站名\n正文", true},
		{"title when h1 empty", `<title>报告</title><h1> </h1><p>正文</p>`, "报告\n正文", false},
		{"comments ignored", `<p>甲<!-- 乙 -->丙</p>`, "甲丙", false},
		{"inline elements do not break", `<p><span>府检</span><b>联动</b><a href="#">机制</a></p>`, "府检联动机制", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := Decode([]byte(tt.html), "page.html")
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if in.Text != tt.want {
				t.Errorf("text = %q, want %q", in.Text, tt.want)
			}
			if flat := htmlTextFlat(tt.html); !tt.tree && flat != tt.want {
				t.Errorf("flat text = %q, want %q", flat, tt.want)
			}
		})
	}
}

func TestDecodeDeepHTML(t *testing.T) {
	const depth = 100000
	var b strings.Builder
	b.WriteString("<html><body>")
	for range depth {
		b.WriteString(`<div class="content"><span><b>`)
	}
	b.WriteString("深处的正文")
	in, err := Decode([]byte(b.String()), "deep.html")
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if in.Text != "深处的正文" {
		t.Errorf("text = %q", in.Text)
	}
}
