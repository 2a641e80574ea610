package schema_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"
	"github.com/google/go-cmp/cmp"

	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/graph/graphtest"
	"github.com/fazhikg/fazhikg/schema"
)

// seeded returns a memstore holding the fixture of graphtest.
func seeded(t testing.TB) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), graph.Options{Backend: graph.Memstore})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.PutReports(context.Background(), graphtest.Fixture()); err != nil {
		t.Fatal(err)
	}
	return s
}

func newClient(t testing.TB, s schema.Store, opts schema.Options) *client.Client {
	t.Helper()
	if opts.LoaderWait == 0 {
		opts.LoaderWait = 20 * time.Millisecond
	}
	c := client.New(schema.NewHandler(s, opts))
	c.SetCustomTarget("/graphql")
	return c
}

// post runs a query and decodes its data; it fails the test on errors.
func post(t *testing.T, c *client.Client, query string, into any, opts ...client.Option) {
	t.Helper()
	if err := c.Post(query, into, opts...); err != nil {
		t.Fatalf("query failed: %v\n%s", err, query)
	}
}

// errorCodes runs a query expected to fail and returns the codes of its
// errors, whatever the HTTP status.
func errorCodes(t *testing.T, h http.Handler, query string) []string {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	var resp struct {
		Errors []struct {
			Message    string
			Extensions struct{ Code string }
		}
	}
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil || len(resp.Errors) == 0 {
		t.Fatalf("query did not fail (%d): %s\n%s", w.Code, w.Body, query)
	}
	var codes []string
	for _, e := range resp.Errors {
		codes = append(codes, e.Extensions.Code)
	}
	return codes
}

type named struct{ Name string }

// The fields analysts' scripts rely on, exactly as the API promises them.
const requiredQuery = `query($m: String!, $j: String!) {
  mechanism(name: $m) {
    id name aliases family { name } variants { name }
    adoptions { nodes { jurisdiction { name fullName } year evidence { sentence report { title year } } } }
  }
  jurisdiction(name: $j) {
    id name fullName level parent { name }
    bodies { name kind } mechanisms { name } reports { title year }
  }
}`

type requiredResponse struct {
	Mechanism *struct {
		ID        string
		Name      string
		Aliases   []string
		Family    *named
		Variants  []named
		Adoptions struct {
			Nodes []struct {
				Jurisdiction struct{ Name, FullName string }
				Year         int
				Evidence     []struct {
					Sentence string
					Report   struct {
						Title string
						Year  int
					}
				}
			}
		}
	}
	Jurisdiction *struct {
		ID         string
		Name       string
		FullName   string
		Level      string
		Parent     *named
		Bodies     []struct{ Name, Kind string }
		Mechanisms []named
		Reports    []struct {
			Title string
			Year  int
		}
	}
}

func TestRequiredFields(t *testing.T) {
	c := newClient(t, seeded(t), schema.Options{})
	var got requiredResponse
	post(t, c, requiredQuery, &got, client.Var("m", "府检联动"), client.Var("j", "秀洲区"))

	m := got.Mechanism
	if m == nil {
		t.Fatal("mechanism(name: 府检联动) = null")
	}
	if m.ID != "mechanism/府检联动" || m.Name != "府检联动" || m.Family != nil {
		t.Errorf("mechanism = %s %s family %v, want the root 府检联动", m.ID, m.Name, m.Family)
	}
	if diff := cmp.Diff([]string{"府检联动机制"}, m.Aliases); diff != "" {
		t.Errorf("aliases (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]named{{`"三三制"府检联动模式`}, {"府检联席"}}, m.Variants); diff != "" {
		t.Errorf("variants (-want +got):\n%s", diff)
	}
	// The family's adoptions, earliest year per jurisdiction, in year order.
	var rows []string
	for _, a := range m.Adoptions.Nodes {
		row := a.Jurisdiction.Name + "/" + a.Jurisdiction.FullName + "/" + itoa(a.Year)
		for _, e := range a.Evidence {
			row += " | " + e.Sentence + " @ " + e.Report.Title + "/" + itoa(e.Report.Year)
		}
		rows = append(rows, row)
	}
	want := []string{
		"湖州市/浙江省湖州市/2018 | 市政府與市檢察院建立府檢聯席工作機制。 @ 湖州市2018年法治政府建設情況的報告/2018",
		"秀洲区/浙江省嘉兴市秀洲区/2022 | 2022年，秀洲区启动府检联动试点，区政府与区检察院签订协作意见。 @ 秀洲区2022年法治政府建设年度报告/2022",
		"嘉祥县/山东省济宁市嘉祥县/2023 | 嘉祥县创新“三三制”府检联动模式，县检察院与县司法局联合办案12件。 @ 嘉祥县2023年法治政府建设情况报告/2023",
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("adoptions (-want +got):\n%s", diff)
	}

	j := got.Jurisdiction
	if j == nil {
		t.Fatal("jurisdiction(name: 秀洲区) = null")
	}
	if j.ID != "jurisdiction/330411000000" || j.Name != "秀洲区" || j.FullName != "浙江省嘉兴市秀洲区" ||
		j.Level != "county" || j.Parent == nil || j.Parent.Name != "嘉兴市" {
		t.Errorf("jurisdiction = %+v", j)
	}
	wantBodies := []struct{ Name, Kind string }{
		{"中共嘉兴市秀洲区委政法委员会", "党委"}, {"秀洲区人民政府", "政府"}, {"秀洲区人民检察院", "检察院"},
		{"秀洲区人民法院", "法院"}, {"秀洲区司法局", "司法局"},
	}
	if diff := cmp.Diff(wantBodies, j.Bodies); diff != "" {
		t.Errorf("bodies (-want +got):\n%s", diff)
	}
	var mechs []string
	for _, m := range j.Mechanisms {
		mechs = append(mechs, m.Name)
	}
	// Achieved or in place in some year; 一件事一次办 counts (2022).
	wantMechs := []string{"一件事一次办", "府检联动", "府院联动", "枫桥经验", "行政机关负责人出庭应诉"}
	if diff := cmp.Diff(wantMechs, sorted(mechs)); diff != "" {
		t.Errorf("mechanisms (-want +got):\n%s", diff)
	}
	wantReports := []struct {
		Title string
		Year  int
	}{{"秀洲区2022年法治政府建设年度报告", 2022}, {"秀洲区2023年法治政府建设年度报告", 2023}}
	if diff := cmp.Diff(wantReports, j.Reports); diff != "" {
		t.Errorf("reports (-want +got):\n%s", diff)
	}
}

func TestLookups(t *testing.T) {
	c := newClient(t, seeded(t), schema.Options{})
	tests := []struct {
		field, name, want string // want "" for null
	}{
		{"mechanism", "府检联动机制", "府检联动"},           // surface form
		{"mechanism", "府檢聯席", "府检联席"},             // traditional characters
		{"mechanism", "府檢聯動", "府检联动"},             // traditional, never written so
		{"mechanism", "三三制府检联动模式", `"三三制"府检联动模式`}, // without quotes
		{"mechanism", "府院联席会议", "府院联席"},           // suffix dropped
		{"mechanism", "习近平法治思想", ""},
		{"jurisdiction", "浙江省嘉兴市秀洲区", "秀洲区"},
		{"jurisdiction", "常州经开区", "常州经开区"},
		{"jurisdiction", "常州经济开发区", "常州经开区"},    // alias
		{"jurisdiction", "330500000000", "湖州市"}, // division code
		{"jurisdiction", "黄浦区", ""},
		{"body", "区法院", "秀洲区人民法院"},
	}
	for _, tt := range tests {
		var got map[string]*named
		post(t, c, `query($n: String!) { x: `+tt.field+`(name: $n) { name } }`, &got, client.Var("n", tt.name))
		name := ""
		if got["x"] != nil {
			name = got["x"].Name
		}
		if name != tt.want {
			t.Errorf("%s(name: %q) = %q, want %q", tt.field, tt.name, name, tt.want)
		}
	}
	var doc struct{ Document *struct{ Title string } }
	post(t, c, `{ document(title: "法治政府建设实施纲要（2021—2025年）") { title } }`, &doc)
	if doc.Document == nil {
		t.Error("document(title:) with other punctuation = null")
	}
	var rep struct {
		Report *struct {
			Title        string
			Jurisdiction named
		}
	}
	post(t, c, `{ report(name: "changzhou-2023") { title jurisdiction { name } } }`, &rep)
	if rep.Report == nil || rep.Report.Title != "" || rep.Report.Jurisdiction.Name != "常州经开区" {
		t.Errorf("report(changzhou-2023) = %+v, want an untitled report of 常州经开区", rep.Report)
	}
}

// TestAdoptionPages walks a mechanism's adoptions a page at a time: the
// pages together are the whole list, in order, and a cursor that names no
// adoption of the list is refused.
func TestAdoptionPages(t *testing.T) {
	c := newClient(t, seeded(t), schema.Options{})
	type page struct {
		Mechanism struct {
			Adoptions struct {
				TotalCount int
				PageInfo   struct {
					HasNextPage, HasPreviousPage bool
					EndCursor                    *string
				}
				Edges []struct{ Cursor string }
				Nodes []struct{ Jurisdiction named }
			}
		}
	}
	const q = `query($first: Int, $after: String) { mechanism(name: "府检联动") {
	  adoptions(first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor } nodes { jurisdiction { name } } } } }`
	var whole page
	post(t, c, q, &whole)
	var want []string
	for _, n := range whole.Mechanism.Adoptions.Nodes {
		want = append(want, n.Jurisdiction.Name)
	}
	if len(want) != 3 || whole.Mechanism.Adoptions.TotalCount != 3 || whole.Mechanism.Adoptions.PageInfo.HasNextPage {
		t.Fatalf("one page of all adoptions: %+v", whole.Mechanism.Adoptions)
	}
	var got []string
	var after *string
	for pages := 0; ; pages++ {
		if pages == 3 {
			t.Fatalf("more than 3 pages of 1 for 3 adoptions: %v", got)
		}
		var p page
		post(t, c, q, &p, client.Var("first", 1), client.Var("after", after))
		a := p.Mechanism.Adoptions
		if a.TotalCount != 3 || len(a.Nodes) != 1 || len(a.Edges) != 1 || a.PageInfo.EndCursor == nil || *a.PageInfo.EndCursor != a.Edges[0].Cursor {
			t.Fatalf("page %d: %+v", pages, a)
		}
		if a.PageInfo.HasPreviousPage != (pages > 0) {
			t.Errorf("page %d: hasPreviousPage %v", pages, a.PageInfo.HasPreviousPage)
		}
		got = append(got, a.Nodes[0].Jurisdiction.Name)
		if !a.PageInfo.HasNextPage {
			break
		}
		after = a.PageInfo.EndCursor
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pages of 1 (-whole list +pages):\n%s", diff)
	}
	for _, bad := range []string{"!!", "bWVjaGFuaXNtL-W6nOajgOiBlOWKqA"} { // not base64; a mechanism's ID
		var p page
		err := c.Post(q, &p, client.Var("first", 1), client.Var("after", bad))
		if err == nil || !strings.Contains(err.Error(), "cursor") {
			t.Errorf("after %q: error %v, want one naming the cursor", bad, err)
		}
	}
	var p page
	if err := c.Post(q, &p, client.Var("first", 501)); err == nil || !strings.Contains(err.Error(), "first must be between 0 and 500") {
		t.Errorf("first: 501: error %v", err)
	}
}

func TestAdoptionArguments(t *testing.T) {
	c := newClient(t, seeded(t), schema.Options{})
	tests := []struct {
		args string
		want []string
	}{
		{"", []string{"湖州市 2018 ACHIEVED 府检联席", "秀洲区 2022 ACHIEVED 府检联动", "嘉祥县 2023 ACHIEVED \"三三制\"府检联动模式"}},
		{"(includeVariants: false)", []string{"秀洲区 2022 ACHIEVED 府检联动"}},
		{"(includeVariants: false, includePlanned: true)", []string{"秀洲区 2022 ACHIEVED 府检联动", "常州经开区 2023 PLANNED 府检联动"}},
		{"(includeVariants: false, allYears: true)", []string{"秀洲区 2022 ACHIEVED 府检联动", "秀洲区 2023 ACHIEVED 府检联动"}},
	}
	for _, tt := range tests {
		var got struct {
			Mechanism struct {
				Adoptions struct {
					Nodes []struct {
						Jurisdiction named
						Mechanism    named
						Year         int
						Status       string
					}
				}
			}
		}
		post(t, c, `{ mechanism(name: "府检联动") { adoptions`+tt.args+` { nodes { jurisdiction { name } mechanism { name } year status } } } }`, &got)
		var rows []string
		for _, a := range got.Mechanism.Adoptions.Nodes {
			rows = append(rows, a.Jurisdiction.Name+" "+itoa(a.Year)+" "+a.Status+" "+a.Mechanism.Name)
		}
		if diff := cmp.Diff(tt.want, rows); diff != "" {
			t.Errorf("adoptions%s (-want +got):\n%s", tt.args, diff)
		}
	}
}

func TestPagination(t *testing.T) {
	c := newClient(t, seeded(t), schema.Options{})
	type page struct {
		Mechanisms struct {
			TotalCount int
			PageInfo   struct {
				HasNextPage, HasPreviousPage bool
				StartCursor, EndCursor       *string
			}
			Edges []struct {
				Cursor string
				Node   named
			}
			Nodes []named
		}
	}
	var all page
	post(t, c, `{ mechanisms(first: 100) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { name } } nodes { name } } }`, &all)
	if all.Mechanisms.TotalCount != 11 || len(all.Mechanisms.Nodes) != 11 || all.Mechanisms.PageInfo.HasNextPage {
		t.Fatalf("all mechanisms: total %d, %d nodes, next %v; want 11 on one page",
			all.Mechanisms.TotalCount, len(all.Mechanisms.Nodes), all.Mechanisms.PageInfo.HasNextPage)
	}
	var walked []named
	after := ""
	for pages := 1; ; pages++ {
		var p page
		post(t, c, `query($after: String) { mechanisms(first: 4, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { name } } nodes { name } } }`,
			&p, client.Var("after", nullable(after)))
		m := p.Mechanisms
		if m.TotalCount != 11 || len(m.Nodes) > 4 || len(m.Edges) != len(m.Nodes) || m.PageInfo.HasPreviousPage != (pages > 1) {
			t.Fatalf("page %d: total %d, %d nodes, %d edges, previous %v", pages, m.TotalCount, len(m.Nodes), len(m.Edges), m.PageInfo.HasPreviousPage)
		}
		walked = append(walked, m.Nodes...)
		if !m.PageInfo.HasNextPage {
			if pages != 3 {
				t.Errorf("11 mechanisms by 4 took %d pages, want 3", pages)
			}
			break
		}
		after = *m.PageInfo.EndCursor
		if after != m.Edges[len(m.Edges)-1].Cursor {
			t.Errorf("endCursor %q is not the last edge's cursor %q", after, m.Edges[len(m.Edges)-1].Cursor)
		}
	}
	if diff := cmp.Diff(all.Mechanisms.Nodes, walked); diff != "" {
		t.Errorf("pages of 4 (-one page +walked):\n%s", diff)
	}
}

func TestFilters(t *testing.T) {
	c := newClient(t, seeded(t), schema.Options{})
	tests := []struct {
		list, filter string
		want         []string
	}{
		{"mechanisms", `{family: "府檢聯動"}`, []string{`"三三制"府检联动模式`, "府检联动", "府检联席"}},
		{"mechanisms", `{province: "山东", yearFrom: 2023}`, []string{`"三三制"府检联动模式`, "双随机、一公开", "府院联席"}},
		{"mechanisms", `{name: "一次"}`, []string{"一件事一次办", "最多跑一次"}},
		{"jurisdictions", `{kind: "county"}`, []string{"嘉祥县", "秀洲区"}},
		{"jurisdictions", `{province: "江苏省", kind: "zone"}`, []string{"常州经开区"}},
		{"reports", `{province: "浙江", yearFrom: 2019}`, []string{"xiuzhou-2022", "xiuzhou-2023"}},
		{"reports", `{yearTo: 2018}`, []string{"huzhou-2018"}},
		{"bodies", `{kind: "检察院", province: "浙江"}`, []string{"湖州市人民检察院", "秀洲区人民检察院"}},
		{"documents", `{name: "纲要", yearFrom: 2020}`, []string{"法治政府建设实施纲要(2021-2025年)"}},
		{"awards", `{kind: "省级"}`, []string{"全省平安建设先进个人"}},
		{"people", `{province: "浙江"}`, []string{"许志伟"}},
		{"people", `{province: "山东"}`, nil},
	}
	for _, tt := range tests {
		field := "name"
		if tt.list == "documents" {
			field = "title"
		}
		var got map[string]struct {
			TotalCount int
			Nodes      []map[string]string
		}
		post(t, c, `{ x: `+tt.list+`(filter: `+tt.filter+`, first: 50) { totalCount nodes { `+field+` } } }`, &got)
		var names []string
		for _, n := range got["x"].Nodes {
			names = append(names, n[field])
		}
		if diff := cmp.Diff(sorted(tt.want), sorted(names)); diff != "" || got["x"].TotalCount != len(tt.want) {
			t.Errorf("%s(filter: %s): total %d (-want +got):\n%s", tt.list, tt.filter, got["x"].TotalCount, diff)
		}
	}
}

func TestNodes(t *testing.T) {
	c := newClient(t, seeded(t), schema.Options{})
	ids := []string{
		"report/xiuzhou-2022", "jurisdiction/330411000000", "body/秀洲区人民法院", "mechanism/府检联动",
		"document/中华人民共和国行政复议法", "award/全国民主法治示范村/王家桥村/2023", "person/许志伟/中共嘉兴市秀洲区委政法委员会",
		"evidence/xiuzhou-2023/7", "adoption/huzhou-2018/府检联席", "mechanism/nothing",
	}
	var got struct {
		Nodes []map[string]any
	}
	post(t, c, `query($ids: [ID!]!) { nodes(ids: $ids) {
		__typename id
		... on Report { name }
		... on Jurisdiction { name }
		... on Body { name }
		... on Mechanism { name }
		... on Document { title }
		... on Award { name }
		... on Person { name }
		... on Evidence { sentence status index }
		... on Adoption { year adoptionStatus: status }
	} }`, &got, client.Var("ids", ids))
	var rows []string
	for _, n := range got.Nodes {
		if n == nil {
			rows = append(rows, "null")
			continue
		}
		row := n["__typename"].(string)
		for _, k := range []string{"name", "title", "sentence", "status", "adoptionStatus", "year", "index"} {
			if v, ok := n[k]; ok {
				row += " " + strings.TrimSuffix(strings.TrimPrefix(jsonString(v), `"`), `"`)
			}
		}
		rows = append(rows, row)
	}
	want := []string{
		"Report xiuzhou-2022", "Jurisdiction 秀洲区", "Body 秀洲区人民法院", "Mechanism 府检联动",
		"Document 中华人民共和国行政复议法", "Award 全国民主法治示范村", "Person 许志伟",
		"Evidence 府检联动的覆盖面仍需拓展。 PROBLEM 7", "Adoption ACHIEVED 2018", "null",
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("nodes (-want +got):\n%s", diff)
	}
	var one struct{ Node *struct{ ID string } }
	post(t, c, `{ node(id: "mechanism/府检联席") { id } }`, &one)
	if one.Node == nil || one.Node.ID != "mechanism/府检联席" {
		t.Errorf("node(id: mechanism/府检联席) = %+v", one.Node)
	}
}

func TestErrors(t *testing.T) {
	h := schema.NewHandler(seeded(t), schema.Options{ComplexityLimit: 2000})
	tests := []struct {
		name, query, code string
	}{
		{"negative first", `{ mechanisms(first: -1) { totalCount } }`, "BAD_USER_INPUT"},
		{"first too large", `{ mechanisms(first: 100000) { totalCount } }`, "BAD_USER_INPUT"},
		{"bad cursor", `{ mechanisms(after: "%%%") { totalCount } }`, "BAD_USER_INPUT"},
		{"malformed ID", `{ node(id: "nonsense") { id } }`, "BAD_USER_INPUT"},
		{"unknown field", `{ mechanism(name: "府检联动") { colour } }`, "GRAPHQL_VALIDATION_FAILED"},
		{"too complex", `{ mechanisms(first: 500) { nodes { adoptions { nodes { evidence { sentence } } } } } }`, "COMPLEXITY_LIMIT_EXCEEDED"},
		{"introspection off", `{ __schema { types { name } } }`, "INTROSPECTION_DISABLED"},
	}
	for _, tt := range tests {
		codes := errorCodes(t, h, tt.query)
		if len(codes) == 0 || codes[0] != tt.code {
			t.Errorf("%s: error codes %v, want %s", tt.name, codes, tt.code)
		}
	}
	open := newClient(t, seeded(t), schema.Options{Introspection: true})
	var got struct {
		Schema struct{ QueryType named } `json:"__schema"`
	}
	post(t, open, `{ __schema { queryType { name } } }`, &got)
	if got.Schema.QueryType.Name != "Query" {
		t.Errorf("introspection on: query type %q", got.Schema.QueryType.Name)
	}
}

// TestHTTP checks the routes: GraphQL by POST and GET at /graphql,
// GraphiQL at /.
func TestHTTP(t *testing.T) {
	srv := httptest.NewServer(schema.NewHandler(seeded(t), schema.Options{}))
	defer srv.Close()
	get := func(path string) (int, string) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	if code, body := get("/"); code != 200 || !strings.Contains(strings.ToLower(body), "graphiql") {
		t.Errorf("GET / = %d, want GraphiQL's page", code)
	}
	code, body := get("/graphql?query=" + url.QueryEscape(`{ stats { reports quads entities { kind count } } }`))
	if code != 200 || !strings.Contains(body, `"reports":5`) || !strings.Contains(body, `{"kind":"mechanism","count":11}`) {
		t.Errorf("GET /graphql = %d %s", code, body)
	}
	resp, err := http.Post(srv.URL+"/graphql", "application/json", strings.NewReader(`{"query":"{ mechanism(name: \"最多跑一次\") { name } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(b) != `{"data":{"mechanism":{"name":"最多跑一次"}}}` {
		t.Errorf("POST /graphql = %d %s", resp.StatusCode, b)
	}
	if code, _ := get("/elsewhere"); code != 404 {
		t.Errorf("GET /elsewhere = %d, want 404", code)
	}
}

// countingStore counts the calls the resolvers make to the store.
type countingStore struct {
	schema.Store
	mu    sync.Mutex
	calls map[string]int
}

func (c *countingStore) count(name string) {
	c.mu.Lock()
	c.calls[name]++
	c.mu.Unlock()
}

func (c *countingStore) total() (int, map[string]int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, v := range c.calls {
		n += v
	}
	return n, c.calls
}

func (c *countingStore) Find(ctx context.Context, k graph.Kind, name string) ([]graph.ID, error) {
	c.count("Find")
	return c.Store.Find(ctx, k, name)
}
func (c *countingStore) List(ctx context.Context, k graph.Kind, f graph.Filter, first int, after string) (graph.Page, error) {
	c.count("List")
	return c.Store.List(ctx, k, f, first, after)
}
func (c *countingStore) Reports(ctx context.Context, ids []graph.ID) ([]*graph.Report, error) {
	c.count("Reports")
	return c.Store.Reports(ctx, ids)
}
func (c *countingStore) Jurisdictions(ctx context.Context, ids []graph.ID) ([]*graph.Jurisdiction, error) {
	c.count("Jurisdictions")
	return c.Store.Jurisdictions(ctx, ids)
}
func (c *countingStore) Bodies(ctx context.Context, ids []graph.ID) ([]*graph.Body, error) {
	c.count("Bodies")
	return c.Store.Bodies(ctx, ids)
}
func (c *countingStore) Mechanisms(ctx context.Context, ids []graph.ID) ([]*graph.Mechanism, error) {
	c.count("Mechanisms")
	return c.Store.Mechanisms(ctx, ids)
}
func (c *countingStore) Documents(ctx context.Context, ids []graph.ID) ([]*graph.Document, error) {
	c.count("Documents")
	return c.Store.Documents(ctx, ids)
}
func (c *countingStore) Awards(ctx context.Context, ids []graph.ID) ([]*graph.Award, error) {
	c.count("Awards")
	return c.Store.Awards(ctx, ids)
}
func (c *countingStore) People(ctx context.Context, ids []graph.ID) ([]*graph.Person, error) {
	c.count("People")
	return c.Store.People(ctx, ids)
}
func (c *countingStore) Evidence(ctx context.Context, ids []graph.ID) ([]*graph.Evidence, error) {
	c.count("Evidence")
	return c.Store.Evidence(ctx, ids)
}
func (c *countingStore) Adoptions(ctx context.Context, ids []graph.ID) ([]*graph.Adoption, error) {
	c.count("Adoptions")
	return c.Store.Adoptions(ctx, ids)
}
func (c *countingStore) Linked(ctx context.Context, rel graph.Relation, ids []graph.ID) ([][]graph.ID, error) {
	c.count("Linked")
	return c.Store.Linked(ctx, rel, ids)
}
func (c *countingStore) AdoptionsOf(ctx context.Context, ids []graph.ID) ([][]*graph.Adoption, error) {
	c.count("AdoptionsOf")
	return c.Store.AdoptionsOf(ctx, ids)
}
func (c *countingStore) MechanismAdoptions(ctx context.Context, ids []graph.ID, q graph.AdoptionQuery) ([][]*graph.Adoption, error) {
	c.count("MechanismAdoptions")
	return c.Store.MechanismAdoptions(ctx, ids, q)
}

// TestBatchedReads checks that the store reads of a query do not grow
// with the number of items it lists: each field is read once per level,
// for all the items together.
func TestBatchedReads(t *testing.T) {
	s := seeded(t)
	const query = `query($n: Int) { mechanisms(first: $n) { nodes {
		name family { name } variants { name } bodies { name jurisdiction { name } }
		evidence { sentence report { title } }
		adoptions(includePlanned: true) { nodes { year jurisdiction { name parent { name } } evidence { sentence report { title } } } }
	} } }`
	reads := func(n int) (int, map[string]int) {
		cs := &countingStore{Store: s, calls: make(map[string]int)}
		c := newClient(t, cs, schema.Options{LoaderWait: 50 * time.Millisecond})
		var got struct {
			Mechanisms struct{ Nodes []map[string]any }
		}
		post(t, c, query, &got, client.Var("n", n))
		if len(got.Mechanisms.Nodes) != n {
			t.Fatalf("first: %d listed %d mechanisms", n, len(got.Mechanisms.Nodes))
		}
		return cs.total()
	}
	few, fewCalls := reads(2)
	many, manyCalls := reads(11)
	t.Logf("store calls: 2 mechanisms %d %v; 11 mechanisms %d %v", few, fewCalls, many, manyCalls)
	// One call per loader and level: List, Mechanisms ×2 (the list and
	// families), Linked ×2 (variants, mentions), Bodies, Jurisdictions ×2
	// (bodies' places and adopters, then parents), MechanismAdoptions,
	// Evidence, Reports: about a dozen whatever the number of items.
	const bound = 16
	if many > bound {
		t.Errorf("listing 11 mechanisms took %d store calls, want at most %d: %v", many, bound, manyCalls)
	}
	if many > few+2 {
		t.Errorf("store calls grow with the items listed: %d for 2, %d for 11", few, many)
	}
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func sorted(xs []string) []string {
	out := append([]string(nil), xs...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}
