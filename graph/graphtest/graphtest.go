// Package graphtest is the conformance suite of the graph store: the same
// tests, over the same fixture, for every backend.
//
// A backend's test calls Run with a Harness that opens a store in a
// directory:
//
//	func TestLevelDB(t *testing.T) {
//		graphtest.Run(t, graphtest.Harness{Open: openLevelDB, Persistent: true, …})
//	}
package graphtest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/graph"
)

// Harness tells Run how to get stores of the backend under test.
type Harness struct {
	// Open opens the store kept in dir, an empty directory the first time.
	Open func(t testing.TB, dir string) *graph.Store
	// Persistent tells that a store survives Close and opening dir again.
	Persistent bool
	// FailNextWrite makes the store's next transaction fail after the
	// backend applied part of it.
	FailNextWrite func(*graph.Store)
	// Golden is the file holding the N-Quads export of the fixture;
	// Update rewrites it instead of comparing.
	Golden string
	Update bool
}

// Run runs the conformance suite.
func Run(t *testing.T, h Harness) {
	tests := []struct {
		name string
		test func(*testing.T, Harness)
	}{
		{"Put", testPut},
		{"PutUnchanged", testPutUnchanged},
		{"PutBatch", testPutBatch},
		{"Export", testExport},
		{"Find", testFind},
		{"Entities", testEntities},
		{"Linked", testLinked},
		{"Evidence", testEvidence},
		{"Adoptions", testAdoptions},
		{"List", testList},
		{"Replace", testReplace},
		{"Delete", testDelete},
		{"Invalid", testInvalid},
		{"Atomic", testAtomic},
		{"Reopen", testReopen},
		{"Spread", testSpread},
		{"DiffusionAcross", testDiffusionAcross},
		{"Derive", testDerive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.test(t, h) })
	}
}

// seeded opens a store in a fresh directory and puts the fixture, one
// report per transaction.
func seeded(t *testing.T, h Harness) (*graph.Store, string) {
	t.Helper()
	dir := t.TempDir()
	s := h.Open(t, dir)
	for _, r := range Fixture() {
		if _, err := s.PutReport(context.Background(), r); err != nil {
			t.Fatalf("PutReport(%s): %v", r.Name, err)
		}
	}
	return s, dir
}

// Export returns a store's N-Quads export.
func Export(t testing.TB, s *graph.Store) string {
	t.Helper()
	var buf bytes.Buffer
	if err := s.WriteNQuads(context.Background(), &buf); err != nil {
		t.Fatalf("WriteNQuads: %v", err)
	}
	return buf.String()
}

// byReport splits an N-Quads export by label.
func byReport(nq string) map[string]string {
	out := make(map[string]string)
	for _, line := range strings.SplitAfter(nq, "\n") {
		if line == "" {
			continue
		}
		body := strings.TrimSuffix(strings.TrimSpace(line), " .")
		label := body[strings.LastIndex(body, " <")+1:]
		out[label] += line
	}
	return out
}

func stats(t testing.TB, s *graph.Store) graph.Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

func testPut(t *testing.T, h Harness) {
	s := h.Open(t, t.TempDir())
	ctx := context.Background()
	total := int64(0)
	for _, r := range Fixture() {
		res, err := s.PutReport(ctx, r)
		if err != nil {
			t.Fatalf("PutReport(%s): %v", r.Name, err)
		}
		if res.Status != graph.Added || res.Removed != 0 || res.Added == 0 || res.ID != graph.ReportID(r.Name) {
			t.Errorf("PutReport(%s) = %+v, want a new report with quads", r.Name, res)
		}
		total += int64(res.Added)
	}
	st := stats(t, s)
	want := map[graph.Kind]int{
		// 浙江省 嘉兴市 秀洲区 盛泽镇 吴江区(by code) 湖州市 山东省 济宁市 嘉祥县 江苏省 常州市 常州经开区
		graph.KindJurisdiction: 12,
		// 秀洲区: 政府 检察院 法院 司法局 政法委; 嘉祥县: 检察院 司法局 政府(taking part);
		// 湖州市: 政府 检察院; 全国人大常委会 (issuer)
		graph.KindBody: 11,
		// 府检联动 一件事一次办 府院联动 出庭应诉 枫桥经验 三三制 府院联席 双随机一公开 府检联席 最多跑一次 拿地即开工
		graph.KindMechanism: 11,
		// 行政复议法, 纲要2021-2025 (two spellings), 纲要2015-2020
		graph.KindDocument: 3,
		graph.KindAward:    2,
		graph.KindPerson:   1,
		graph.KindReport:   5,
	}
	if diff := cmp.Diff(want, st.Entities); diff != "" {
		t.Errorf("entities per kind (-want +got):\n%s", diff)
	}
	if st.Reports != 5 || st.Quads != total {
		t.Errorf("Stats = %d reports, %d quads; want 5 reports, %d quads (the sum of the puts)", st.Reports, st.Quads, total)
	}
}

func testPutUnchanged(t *testing.T, h Harness) {
	s, _ := seeded(t, h)
	ctx := context.Background()
	before, exported := stats(t, s), Export(t, s)
	for _, r := range Fixture() {
		res, err := s.PutReport(ctx, r)
		if err != nil {
			t.Fatalf("PutReport(%s) again: %v", r.Name, err)
		}
		if res.Status != graph.Unchanged || res.Added != 0 || res.Removed != 0 {
			t.Errorf("PutReport(%s) again = %+v, want unchanged", r.Name, res)
		}
	}
	if after := stats(t, s); after.Quads != before.Quads {
		t.Errorf("quads after putting the same reports again: %d, want %d", after.Quads, before.Quads)
	}
	if Export(t, s) != exported {
		t.Error("export changed after putting the same reports again")
	}

	// Without a hash, the same quads still make an unchanged report.
	r := Changzhou2023()
	r.Name, r.Hash = "no-hash", ""
	if res, err := s.PutReport(ctx, r); err != nil || res.Status != graph.Added {
		t.Fatalf("PutReport(no-hash) = %+v, %v; want added", res, err)
	}
	if res, err := s.PutReport(ctx, r); err != nil || res.Status != graph.Unchanged {
		t.Errorf("PutReport(no-hash) again = %+v, %v; want unchanged", res, err)
	}
}

func testPutBatch(t *testing.T, h Harness) {
	one, _ := seeded(t, h)
	batch := h.Open(t, t.TempDir())
	res, err := batch.PutReports(context.Background(), Fixture())
	if err != nil {
		t.Fatalf("PutReports: %v", err)
	}
	for i, r := range res {
		if r.Status != graph.Added {
			t.Errorf("PutReports result %d = %+v, want added", i, r)
		}
	}
	if diff := cmp.Diff(Export(t, one), Export(t, batch)); diff != "" {
		t.Errorf("one transaction per report and one for all differ (-each +batch):\n%s", diff)
	}
	twice := []*extract.Report{Xiuzhou2023(), Xiuzhou2023Revised()}
	if _, err := batch.PutReports(context.Background(), twice); !errors.Is(err, graph.ErrInvalidReport) {
		t.Errorf("PutReports with one name twice: err = %v, want ErrInvalidReport", err)
	}
}

func testExport(t *testing.T, h Harness) {
	s, _ := seeded(t, h)
	got := Export(t, s)
	if h.Update {
		if err := os.WriteFile(h.Golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(h.Golden)
	if err != nil {
		t.Fatalf("reading the golden export (write it with -update): %v", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("export differs from %s (-want +got):\n%s", h.Golden, diff)
	}
}

func testFind(t *testing.T, h Harness) {
	s, _ := seeded(t, h)
	tests := []struct {
		kind graph.Kind
		name string
		want graph.ID // first match; "" for none
	}{
		{graph.KindJurisdiction, "秀洲区", graph.JurisdictionID(CodeXiuzhou)},
		{graph.KindJurisdiction, "浙江省嘉兴市秀洲区", graph.JurisdictionID(CodeXiuzhou)},
		{graph.KindJurisdiction, "常州经开区", graph.JurisdictionID(CodeCZZone)},
		{graph.KindJurisdiction, "常州经济开发区", graph.JurisdictionID(CodeCZZone)},
		{graph.KindJurisdiction, CodeHuzhou, graph.JurisdictionID(CodeHuzhou)},
		{graph.KindJurisdiction, "黄浦区", ""},
		{graph.KindMechanism, "府检联动", graph.MechanismID("府检联动")},
		{graph.KindMechanism, "府检联动机制", graph.MechanismID("府检联动")},           // surface
		{graph.KindMechanism, "府检联动工作机制", graph.MechanismID("府检联动")},         // suffix dropped
		{graph.KindMechanism, "府檢聯席", graph.MechanismID("府检联席")},             // traditional
		{graph.KindMechanism, "府檢聯席工作機制", graph.MechanismID("府检联席")},         // traditional surface
		{graph.KindMechanism, "三三制府检联动模式", graph.MechanismID(`"三三制"府检联动模式`)}, // without quotes
		{graph.KindMechanism, "“三三制”府检联动模式", graph.MechanismID(`"三三制"府检联动模式`)},
		{graph.KindMechanism, "双随机一公开", graph.MechanismID("双随机、一公开")},
		{graph.KindMechanism, "习近平法治思想", ""},
		{graph.KindBody, "区法院", graph.BodyID("秀洲区人民法院")},
		{graph.KindBody, "秀洲区人民法院", graph.BodyID("秀洲区人民法院")},
		{graph.KindDocument, "法治政府建设实施纲要（2021—2025年）", graph.DocumentID("法治政府建设实施纲要(2021-2025年)")},
		{graph.KindDocument, "法治政府建設實施綱要(2015-2020年)", graph.DocumentID("法治政府建设实施纲要(2015-2020年)")},
		{graph.KindPerson, "许志伟", graph.PersonID("许志伟", "中共嘉兴市秀洲区委政法委员会")},
		{graph.KindReport, "jiaxiang-2023", graph.ReportID("jiaxiang-2023")},
		{"", "府檢聯動", graph.MechanismID("府检联动")},
	}
	for _, tt := range tests {
		got, err := s.Find(context.Background(), tt.kind, tt.name)
		if err != nil {
			t.Fatalf("Find(%s, %q): %v", tt.kind, tt.name, err)
		}
		var first graph.ID
		if len(got) > 0 {
			first = got[0]
		}
		if first != tt.want {
			t.Errorf("Find(%s, %q) = %v, want %q first", tt.kind, tt.name, got, tt.want)
		}
	}
}

func testEntities(t *testing.T, h Harness) {
	s, _ := seeded(t, h)
	ctx := context.Background()
	js, err := s.Jurisdictions(ctx, []graph.ID{graph.JurisdictionID(CodeXiuzhou), graph.JurisdictionID(CodeCZZone), "jurisdiction/0", graph.MechanismID("府检联动")})
	if err != nil {
		t.Fatal(err)
	}
	want := []*graph.Jurisdiction{
		{ID: graph.JurisdictionID(CodeXiuzhou), Code: CodeXiuzhou, Name: "秀洲区", FullName: "浙江省嘉兴市秀洲区",
			Level: "county", ParentID: graph.JurisdictionID(CodeJiaxing), ReportCount: 2},
		{ID: graph.JurisdictionID(CodeCZZone), Code: CodeCZZone, Name: "常州经开区", FullName: "江苏省常州市常州经开区",
			Level: "zone", ParentID: graph.JurisdictionID(CodeChangzhou), Aliases: []string{"常州经济开发区"}, ReportCount: 1},
		nil, // unknown
		nil, // not a jurisdiction
	}
	if diff := cmp.Diff(want, js); diff != "" {
		t.Errorf("Jurisdictions (-want +got):\n%s", diff)
	}

	ms, err := s.Mechanisms(ctx, []graph.ID{graph.MechanismID("府检联动"), graph.MechanismID(`"三三制"府检联动模式`)})
	if err != nil {
		t.Fatal(err)
	}
	wantM := []*graph.Mechanism{
		{ID: graph.MechanismID("府检联动"), Name: "府检联动", Aliases: []string{"府检联动机制"},
			BodyIDs: []graph.ID{graph.BodyID("秀洲区人民政府"), graph.BodyID("秀洲区人民检察院")}, Known: true, ReportCount: 3},
		{ID: graph.MechanismID(`"三三制"府检联动模式`), Name: `"三三制"府检联动模式`, Aliases: []string{"“三三制”府检联动模式"},
			FamilyID: graph.MechanismID("府检联动"), BodyIDs: []graph.ID{graph.BodyID("嘉祥县人民政府"), graph.BodyID("嘉祥县人民检察院")}, ReportCount: 1},
	}
	if diff := cmp.Diff(wantM, ms, cmp.Transformer("sort", sortedIDs)); diff != "" {
		t.Errorf("Mechanisms (-want +got):\n%s", diff)
	}

	docs, err := s.Documents(ctx, []graph.ID{graph.DocumentID("法治政府建设实施纲要(2021—2025年)")})
	if err != nil {
		t.Fatal(err)
	}
	if d := docs[0]; d == nil || d.ReportCount != 2 || d.Kind != "纲要" || d.Level != "国家级" {
		t.Errorf("Documents(纲要 2021—2025) = %+v, want one document named by two reports", d)
	}
	rs, err := s.Reports(ctx, []graph.ID{graph.ReportID("jiaxiang-2023")})
	if err != nil {
		t.Fatal(err)
	}
	wantR := &graph.Report{ID: graph.ReportID("jiaxiang-2023"), Name: "jiaxiang-2023", Title: "嘉祥县2023年法治政府建设情况报告",
		Year: 2023, Source: "testdata/jiaxiang-2023.txt", Hash: "sha-jiaxiang-2023", Format: "text", Encoding: "UTF-8",
		Issuer: "嘉祥县司法局", IndexNo: "11370829MB2857", JurisdictionID: graph.JurisdictionID(CodeJiaxiang)}
	if diff := cmp.Diff(wantR, rs[0]); diff != "" {
		t.Errorf("Reports (-want +got):\n%s", diff)
	}
	nodes, err := s.Nodes(ctx, []graph.ID{graph.MechanismID("府检联动"), graph.ReportID("nope"), "adoption/xiuzhou-2022/府检联动"})
	if err != nil {
		t.Fatal(err)
	}
	if m, ok := nodes[0].(*graph.Mechanism); !ok || m.Name != "府检联动" {
		t.Errorf("Nodes[0] = %#v, want the mechanism 府检联动", nodes[0])
	}
	if nodes[1] != nil {
		t.Errorf("Nodes[1] = %#v, want nil for an unknown report", nodes[1])
	}
	if a, ok := nodes[2].(*graph.Adoption); !ok || a.Year != 2022 || a.JurisdictionID != graph.JurisdictionID(CodeXiuzhou) {
		t.Errorf("Nodes[2] = %#v, want 秀洲区's adoption in 2022", nodes[2])
	}
}

func sortedIDs(ids []graph.ID) []graph.ID {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

func testLinked(t *testing.T, h Harness) {
	s, _ := seeded(t, h)
	tests := []struct {
		rel  graph.Relation
		id   graph.ID
		want []graph.ID
	}{
		{graph.Variants, graph.MechanismID("府检联动"), []graph.ID{graph.MechanismID(`"三三制"府检联动模式`), graph.MechanismID("府检联席")}},
		{graph.Variants, graph.MechanismID("府院联动"), []graph.ID{graph.MechanismID("府院联席")}},
		{graph.Children, graph.JurisdictionID(CodeZhejiang), []graph.ID{graph.JurisdictionID(CodeJiaxing), graph.JurisdictionID(CodeHuzhou)}},
		{graph.Children, graph.JurisdictionID(CodeWujiang), []graph.ID{graph.JurisdictionID(CodeShengze)}},
		{graph.BodiesIn, graph.JurisdictionID(CodeXiuzhou), []graph.ID{
			graph.BodyID("中共嘉兴市秀洲区委政法委员会"), graph.BodyID("秀洲区人民政府"), graph.BodyID("秀洲区人民检察院"),
			graph.BodyID("秀洲区人民法院"), graph.BodyID("秀洲区司法局")}},
		{graph.ReportsBy, graph.JurisdictionID(CodeXiuzhou), []graph.ID{graph.ReportID("xiuzhou-2022"), graph.ReportID("xiuzhou-2023")}},
		{graph.Members, graph.BodyID("中共嘉兴市秀洲区委政法委员会"), []graph.ID{graph.PersonID("许志伟", "中共嘉兴市秀洲区委政法委员会")}},
		{graph.TakesPart, graph.BodyID("秀洲区人民检察院"), []graph.ID{graph.MechanismID("府检联动")}},
		{graph.Mentions, graph.MechanismID("最多跑一次"), []graph.ID{"evidence/huzhou-2018/2"}},
		{graph.Mentions, graph.MechanismID("府检联动"), []graph.ID{
			"evidence/changzhou-2023/2", "evidence/xiuzhou-2022/1", "evidence/xiuzhou-2023/1", "evidence/xiuzhou-2023/7"}},
		{graph.Variants, "mechanism/nothing", nil},
	}
	for _, tt := range tests {
		got, err := s.Linked(context.Background(), tt.rel, []graph.ID{tt.id})
		if err != nil {
			t.Fatalf("Linked(%d, %s): %v", tt.rel, tt.id, err)
		}
		if diff := cmp.Diff(sortedIDs(tt.want), sortedIDs(got[0])); diff != "" {
			t.Errorf("Linked(%d, %s) (-want +got):\n%s", tt.rel, tt.id, diff)
		}
	}
	// One call for several IDs gives each its own links.
	got, err := s.Linked(context.Background(), graph.ReportsBy, []graph.ID{graph.JurisdictionID(CodeHuzhou), graph.JurisdictionID(CodeJiaxiang)})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]graph.ID{{graph.ReportID("huzhou-2018")}, {graph.ReportID("jiaxiang-2023")}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Linked(ReportsBy, 湖州市 嘉祥县) (-want +got):\n%s", diff)
	}
	// Links read before a write are not served after it.
	reportsOf := func() []graph.ID {
		got, err := s.Linked(context.Background(), graph.ReportsBy, []graph.ID{graph.JurisdictionID(CodeXiuzhou)})
		if err != nil {
			t.Fatal(err)
		}
		return sortedIDs(got[0])
	}
	reportsOf()
	if err := s.DeleteReport(context.Background(), "xiuzhou-2022"); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]graph.ID{graph.ReportID("xiuzhou-2023")}, reportsOf()); diff != "" {
		t.Errorf("Linked(ReportsBy, 秀洲区) after deleting xiuzhou-2022 (-want +got):\n%s", diff)
	}
}

func testEvidence(t *testing.T, h Harness) {
	s, _ := seeded(t, h)
	r := Xiuzhou2023()
	evs, err := s.Evidence(context.Background(), []graph.ID{"evidence/xiuzhou-2023/7", "evidence/xiuzhou-2023/99", "evidence/huzhou-2018/1"})
	if err != nil {
		t.Fatal(err)
	}
	want := &graph.Evidence{ID: "evidence/xiuzhou-2023/7", ReportID: graph.ReportID("xiuzhou-2023"), Sentence: 7,
		Text: r.SentenceText(7), Start: r.Sentences[7].Start, End: r.Sentences[7].End, Status: extract.Problem, Section: "二、存在的不足"}
	if diff := cmp.Diff(want, evs[0]); diff != "" {
		t.Errorf("Evidence (-want +got):\n%s", diff)
	}
	if evs[1] != nil {
		t.Errorf("Evidence of a sentence that states nothing = %+v, want nil", evs[1])
	}
	if evs[2] == nil || evs[2].Text != "市政府與市檢察院建立府檢聯席工作機制。" {
		t.Errorf("Evidence in traditional characters = %+v, want the sentence as written", evs[2])
	}
	// a revised report: its sentences as they are now, none gone stale
	revised := Xiuzhou2023Revised()
	if _, err := s.PutReport(context.Background(), revised); err != nil {
		t.Fatal(err)
	}
	evs, err = s.Evidence(context.Background(), []graph.ID{"evidence/xiuzhou-2023/3", "evidence/xiuzhou-2023/7"})
	if err != nil {
		t.Fatal(err)
	}
	if evs[0] == nil || evs[0].Text != revised.SentenceText(3) {
		t.Errorf("Evidence of the revised report = %+v, want %q", evs[0], revised.SentenceText(3))
	}
	if evs[1] != nil {
		t.Errorf("Evidence of a sentence the revision dropped = %+v, want nil", evs[1])
	}
}

// adoptionRow is an adoption as the tests compare it.
type adoptionRow struct {
	Jurisdiction, Mechanism string
	Year                    int
	Status                  graph.AdoptionStatus
	Evidence                int
}

func rows(as []*graph.Adoption) []adoptionRow {
	var out []adoptionRow
	for _, a := range as {
		j := strings.TrimPrefix(string(a.JurisdictionID), "jurisdiction/")
		m := strings.TrimPrefix(string(a.MechanismID), "mechanism/")
		out = append(out, adoptionRow{j, m, a.Year, a.Status, len(a.EvidenceIDs)})
	}
	return out
}

func testAdoptions(t *testing.T, h Harness) {
	s, _ := seeded(t, h)
	fjld := graph.MechanismID("府检联动")
	tests := []struct {
		name string
		q    graph.AdoptionQuery
		want []adoptionRow
	}{
		{"family", graph.AdoptionQuery{Variants: true}, []adoptionRow{
			{CodeHuzhou, "府检联席", 2018, graph.AdoptionAchieved, 1},
			{CodeJiaxiang, "三三制府检联动模式", 2023, graph.AdoptionAchieved, 1},
			{CodeXiuzhou, "府检联动", 2022, graph.AdoptionAchieved, 1},
		}},
		{"family with plans", graph.AdoptionQuery{Variants: true, Planned: true}, []adoptionRow{
			{CodeHuzhou, "府检联席", 2018, graph.AdoptionAchieved, 1},
			{CodeJiaxiang, "三三制府检联动模式", 2023, graph.AdoptionAchieved, 1},
			{CodeCZZone, "府检联动", 2023, graph.AdoptionPlanned, 1},
			{CodeXiuzhou, "府检联动", 2022, graph.AdoptionAchieved, 1},
		}},
		{"root only", graph.AdoptionQuery{}, []adoptionRow{
			{CodeXiuzhou, "府检联动", 2022, graph.AdoptionAchieved, 1},
		}},
		{"every year", graph.AdoptionQuery{AllYears: true, Planned: true}, []adoptionRow{
			{CodeXiuzhou, "府检联动", 2022, graph.AdoptionAchieved, 1},
			{CodeCZZone, "府检联动", 2023, graph.AdoptionPlanned, 1},
			{CodeXiuzhou, "府检联动", 2023, graph.AdoptionAchieved, 2},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.MechanismAdoptions(context.Background(), []graph.ID{fjld}, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(sortRows(tt.want), sortRows(rows(got[0]))); diff != "" {
				t.Errorf("MechanismAdoptions(府检联动, %+v) (-want +got):\n%s", tt.q, diff)
			}
		})
	}

	// Adoptions come ordered by year.
	got, err := s.MechanismAdoptions(context.Background(), []graph.ID{fjld}, graph.AdoptionQuery{Variants: true})
	if err != nil {
		t.Fatal(err)
	}
	var years []int
	for _, a := range got[0] {
		years = append(years, a.Year)
	}
	if !slices.IsSorted(years) {
		t.Errorf("adoption years %v, want them in order", years)
	}

	// By jurisdiction: 秀洲区's adoptions over both its reports.
	byJ, err := s.AdoptionsOf(context.Background(), []graph.ID{graph.JurisdictionID(CodeXiuzhou)})
	if err != nil {
		t.Fatal(err)
	}
	var mechs []string
	for _, r := range rows(byJ[0]) {
		mechs = append(mechs, r.Mechanism+"@"+string(r.Status)+"/"+itoa(r.Year))
	}
	wantMechs := []string{"一件事一次办@achieved/2022", "府检联动@achieved/2022",
		"一件事一次办@planned/2023", "府检联动@achieved/2023", "府院联动@achieved/2023",
		"枫桥经验@achieved/2023", "行政机关负责人出庭应诉@achieved/2023"}
	slices.Sort(mechs)
	slices.Sort(wantMechs)
	if diff := cmp.Diff(wantMechs, mechs); diff != "" {
		t.Errorf("AdoptionsOf(秀洲区) (-want +got):\n%s", diff)
	}
}

func sortRows(rs []adoptionRow) []adoptionRow {
	slices.SortFunc(rs, func(a, b adoptionRow) int {
		return strings.Compare(a.Jurisdiction+itoa(a.Year), b.Jurisdiction+itoa(b.Year))
	})
	return rs
}

func itoa(n int) string {
	var b []byte
	if n == 0 {
		return "0"
	}
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func testList(t *testing.T, h Harness) {
	s, _ := seeded(t, h)
	ctx := context.Background()
	tests := []struct {
		kind   graph.Kind
		filter graph.Filter
		want   []graph.ID
	}{
		{graph.KindJurisdiction, graph.Filter{Kind: "county"}, []graph.ID{
			graph.JurisdictionID(CodeJiaxiang), graph.JurisdictionID(CodeXiuzhou)}},
		{graph.KindJurisdiction, graph.Filter{Province: "浙江"}, []graph.ID{
			graph.JurisdictionID(CodeJiaxing), graph.JurisdictionID(CodeZhejiang), graph.JurisdictionID(CodeHuzhou), graph.JurisdictionID(CodeXiuzhou)}},
		{graph.KindReport, graph.Filter{Province: "浙江省"}, []graph.ID{
			graph.ReportID("huzhou-2018"), graph.ReportID("xiuzhou-2022"), graph.ReportID("xiuzhou-2023")}},
		{graph.KindReport, graph.Filter{YearFrom: 2022, YearTo: 2022}, []graph.ID{graph.ReportID("xiuzhou-2022")}},
		{graph.KindMechanism, graph.Filter{Family: "府检联动"}, []graph.ID{
			graph.MechanismID(`"三三制"府检联动模式`), graph.MechanismID("府检联动"), graph.MechanismID("府检联席")}},
		{graph.KindMechanism, graph.Filter{Name: "府檢"}, []graph.ID{
			graph.MechanismID(`"三三制"府检联动模式`), graph.MechanismID("府检联动"), graph.MechanismID("府检联席")}},
		{graph.KindMechanism, graph.Filter{Province: "浙江", YearTo: 2018}, []graph.ID{
			graph.MechanismID("府检联席"), graph.MechanismID("最多跑一次")}},
		{graph.KindMechanism, graph.Filter{Province: CodeShandong}, []graph.ID{
			graph.MechanismID(`"三三制"府检联动模式`), graph.MechanismID("双随机、一公开"), graph.MechanismID("府院联席")}},
		{graph.KindBody, graph.Filter{Kind: extract.KindCourt}, []graph.ID{graph.BodyID("秀洲区人民法院")}},
		{graph.KindBody, graph.Filter{Province: "江苏"}, nil},
		{graph.KindDocument, graph.Filter{Kind: "国家级", YearFrom: 2019}, []graph.ID{
			graph.DocumentID("中华人民共和国行政复议法"), graph.DocumentID("法治政府建设实施纲要(2021-2025年)")}},
		{graph.KindAward, graph.Filter{Kind: "国家级"}, []graph.ID{graph.AwardID("全国民主法治示范村", "王家桥村", 2023)}},
		{graph.KindPerson, graph.Filter{}, []graph.ID{graph.PersonID("许志伟", "中共嘉兴市秀洲区委政法委员会")}},
		{graph.KindJurisdiction, graph.Filter{Province: "西藏"}, nil},
	}
	for _, tt := range tests {
		p, err := s.List(ctx, tt.kind, tt.filter, 0, "")
		if err != nil {
			t.Fatalf("List(%s, %+v): %v", tt.kind, tt.filter, err)
		}
		if diff := cmp.Diff(sortedIDs(tt.want), sortedIDs(p.IDs)); diff != "" {
			t.Errorf("List(%s, %+v) (-want +got):\n%s", tt.kind, tt.filter, diff)
		}
		if p.Total != len(tt.want) || p.HasNext || p.HasPrevious {
			t.Errorf("List(%s, %+v) page = total %d next %v previous %v, want total %d, one page", tt.kind, tt.filter, p.Total, p.HasNext, p.HasPrevious, len(tt.want))
		}
	}

	// Pages of two over the mechanisms meet every mechanism once, in order.
	all, err := s.List(ctx, graph.KindMechanism, graph.Filter{}, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	var paged []graph.ID
	after := ""
	for pages := 0; ; pages++ {
		p, err := s.List(ctx, graph.KindMechanism, graph.Filter{}, 2, after)
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != len(all.IDs) || len(p.IDs) > 2 || (pages > 0) != p.HasPrevious {
			t.Fatalf("page %d: %d items of %d, previous %v", pages, len(p.IDs), p.Total, p.HasPrevious)
		}
		paged = append(paged, p.IDs...)
		if !p.HasNext {
			break
		}
		after = p.Cursors[len(p.Cursors)-1]
	}
	if diff := cmp.Diff(all.IDs, paged); diff != "" {
		t.Errorf("pages of two (-all +paged):\n%s", diff)
	}
	if _, err := s.List(ctx, graph.KindMechanism, graph.Filter{}, 2, "not a cursor!"); err == nil {
		t.Error("List with a bad cursor: no error")
	}
	if _, err := s.List(ctx, graph.KindEvidence, graph.Filter{}, 2, ""); err == nil {
		t.Error("List of evidence: no error, want one (evidence is not listed)")
	}
}

func testReplace(t *testing.T, h Harness) {
	s, _ := seeded(t, h)
	ctx := context.Background()
	before := byReport(Export(t, s))
	res, err := s.PutReport(ctx, Xiuzhou2023Revised())
	if err != nil {
		t.Fatalf("PutReport(revised): %v", err)
	}
	if res.Status != graph.Replaced || res.Added == 0 || res.Removed == 0 {
		t.Errorf("PutReport(revised) = %+v, want replaced with quads added and removed", res)
	}
	after := byReport(Export(t, s))
	for label, nq := range before {
		if strings.Contains(label, "xiuzhou-2023") {
			continue
		}
		if after[label] != nq {
			t.Errorf("quads of %s changed when xiuzhou-2023 was replaced", label)
		}
	}
	revised := Xiuzhou2023Revised()
	fresh := h.Open(t, t.TempDir())
	if _, err := fresh.PutReport(ctx, revised); err != nil {
		t.Fatal(err)
	}
	label := "<" + string(graph.ReportID(revised.Name).IRI()) + ">"
	if diff := cmp.Diff(byReport(Export(t, fresh))[label], after[label]); diff != "" {
		t.Errorf("replaced report differs from the same report put alone (-alone +replaced):\n%s", diff)
	}

	// Old facts are gone: 枫桥经验 and the 行政复议法 were only in the first version.
	for _, q := range []struct {
		kind graph.Kind
		name string
	}{{graph.KindMechanism, "枫桥经验"}, {graph.KindDocument, "中华人民共和国行政复议法"}, {graph.KindJurisdiction, "盛泽镇"}, {graph.KindPerson, "许志伟"}} {
		if ids, _ := s.Find(ctx, q.kind, q.name); len(ids) != 0 {
			t.Errorf("Find(%s, %s) after the replace = %v, want nothing", q.kind, q.name, ids)
		}
	}
	byJ, err := s.AdoptionsOf(ctx, []graph.ID{graph.JurisdictionID(CodeXiuzhou)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows(byJ[0]) {
		got = append(got, r.Mechanism+"/"+itoa(r.Year))
	}
	slices.Sort(got)
	want := []string{"一件事一次办/2022", "府检联动/2022", "府检联动/2023", "府院联动/2023", "最多跑一次/2023", "行政机关负责人出庭应诉/2023"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("秀洲区's adoptions after the replace (-want +got):\n%s", diff)
	}
	rs, _ := s.Reports(ctx, []graph.ID{res.ID})
	if rs[0] == nil || rs[0].Hash != revised.Hash || rs[0].Title != revised.Title {
		t.Errorf("report after the replace = %+v, want the revised hash and title", rs[0])
	}
	ms, _ := s.Mechanisms(ctx, []graph.ID{graph.MechanismID("最多跑一次")})
	if ms[0] == nil || ms[0].ReportCount != 2 {
		t.Errorf("最多跑一次 after the replace = %+v, want it named by two reports", ms[0])
	}
}

func testDelete(t *testing.T, h Harness) {
	s, _ := seeded(t, h)
	ctx := context.Background()
	before := byReport(Export(t, s))
	// Asked before the delete too, so that an answer kept past it shows.
	if got, err := s.MechanismAdoptions(ctx, []graph.ID{graph.MechanismID("府检联动")}, graph.AdoptionQuery{Variants: true}); err != nil || len(got[0]) != 3 {
		t.Fatalf("府检联动's adoptions before the delete: %v, %v; want 3", got, err)
	}
	if err := s.DeleteReport(ctx, "jiaxiang-2023"); err != nil {
		t.Fatalf("DeleteReport: %v", err)
	}
	after := byReport(Export(t, s))
	label := "<" + string(graph.ReportID("jiaxiang-2023").IRI()) + ">"
	if after[label] != "" {
		t.Errorf("quads of the deleted report remain:\n%s", after[label])
	}
	for l, nq := range before {
		if l != label && after[l] != nq {
			t.Errorf("quads of %s changed when jiaxiang-2023 was deleted", l)
		}
	}
	for _, q := range []struct {
		kind graph.Kind
		name string
	}{{graph.KindJurisdiction, "嘉祥县"}, {graph.KindJurisdiction, "山东省"}, {graph.KindMechanism, "三三制府检联动模式"},
		{graph.KindMechanism, "府院联席"}, {graph.KindBody, "嘉祥县人民检察院"}, {graph.KindReport, "jiaxiang-2023"}} {
		if ids, _ := s.Find(ctx, q.kind, q.name); len(ids) != 0 {
			t.Errorf("Find(%s, %s) after the delete = %v, want nothing", q.kind, q.name, ids)
		}
	}
	got, err := s.MechanismAdoptions(ctx, []graph.ID{graph.MechanismID("府检联动")}, graph.AdoptionQuery{Variants: true})
	if err != nil {
		t.Fatal(err)
	}
	want := []adoptionRow{{CodeHuzhou, "府检联席", 2018, graph.AdoptionAchieved, 1}, {CodeXiuzhou, "府检联动", 2022, graph.AdoptionAchieved, 1}}
	if diff := cmp.Diff(sortRows(want), sortRows(rows(got[0]))); diff != "" {
		t.Errorf("府检联动's adoptions after the delete (-want +got):\n%s", diff)
	}
	if st := stats(t, s); st.Reports != 4 || st.Entities[graph.KindMechanism] != 8 {
		t.Errorf("Stats after the delete = %v, want 4 reports and 8 mechanisms", st)
	}
	if err := s.DeleteReport(ctx, "jiaxiang-2023"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("DeleteReport twice: err = %v, want ErrNotFound", err)
	}
	// Deleting every report empties the store.
	for _, r := range Fixture() {
		if r.Name != "jiaxiang-2023" {
			if err := s.DeleteReport(ctx, r.Name); err != nil {
				t.Fatal(err)
			}
		}
	}
	if st := stats(t, s); st.Quads != 0 || len(st.Entities) != 0 {
		t.Errorf("Stats after deleting every report = %v, want an empty store", st)
	}
}

func testInvalid(t *testing.T, h Harness) {
	s, _ := seeded(t, h)
	ctx := context.Background()
	before := Export(t, s)
	noName := Changzhou2023()
	noName.Name = " "
	outside := Changzhou2023()
	outside.Name = "outside"
	outside.Mechanisms[0].Mentions[0].Sentence = 42
	for _, r := range []*extract.Report{nil, noName, outside} {
		if _, err := s.PutReport(ctx, r); !errors.Is(err, graph.ErrInvalidReport) {
			t.Errorf("PutReport(invalid) err = %v, want ErrInvalidReport", err)
		}
	}
	// A batch with one invalid report writes none of them.
	good := Changzhou2023()
	good.Name = "good"
	if _, err := s.PutReports(ctx, []*extract.Report{good, outside}); !errors.Is(err, graph.ErrInvalidReport) {
		t.Errorf("PutReports(good, invalid) err = %v, want ErrInvalidReport", err)
	}
	if Export(t, s) != before {
		t.Error("invalid reports changed the store")
	}
}

func testAtomic(t *testing.T, h Harness) {
	if h.FailNextWrite == nil {
		t.Skip("the harness cannot make a write fail")
	}
	ctx := context.Background()
	dir := t.TempDir()
	s := h.Open(t, dir)
	all := Fixture()
	if _, err := s.PutReports(ctx, all[:4]); err != nil {
		t.Fatal(err)
	}
	before, st := Export(t, s), stats(t, s)

	check := func(what string) {
		t.Helper()
		if got := Export(t, s); got != before {
			t.Errorf("%s that failed changed the store (-before +after):\n%s", what, cmp.Diff(before, got))
		}
		if got := stats(t, s); got.Quads != st.Quads || got.Reports != st.Reports {
			t.Errorf("%s that failed: stats %v, want %v", what, got, st)
		}
	}
	h.FailNextWrite(s)
	if _, err := s.PutReport(ctx, all[4]); err == nil {
		t.Fatal("PutReport with a failing transaction: no error")
	}
	check("a put")
	h.FailNextWrite(s)
	if _, err := s.PutReport(ctx, Xiuzhou2023Revised()); err == nil {
		t.Fatal("replacing with a failing transaction: no error")
	}
	check("a replace")
	h.FailNextWrite(s)
	if err := s.DeleteReport(ctx, "huzhou-2018"); err == nil {
		t.Fatal("DeleteReport with a failing transaction: no error")
	}
	check("a delete")

	// The store works on as if nothing had happened: the same writes now
	// succeed and leave what they leave on a store that never failed.
	if _, err := s.PutReport(ctx, all[4]); err != nil {
		t.Fatalf("PutReport after the failures: %v", err)
	}
	if _, err := s.PutReport(ctx, Xiuzhou2023Revised()); err != nil {
		t.Fatalf("replacing after the failures: %v", err)
	}
	if err := s.DeleteReport(ctx, "huzhou-2018"); err != nil {
		t.Fatalf("DeleteReport after the failures: %v", err)
	}
	clean := h.Open(t, t.TempDir())
	if _, err := clean.PutReports(ctx, all[:4]); err != nil {
		t.Fatal(err)
	}
	for _, r := range []*extract.Report{all[4], Xiuzhou2023Revised()} {
		if _, err := clean.PutReport(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := clean.DeleteReport(ctx, "huzhou-2018"); err != nil {
		t.Fatal(err)
	}
	want := Export(t, clean)
	if diff := cmp.Diff(want, Export(t, s)); diff != "" {
		t.Errorf("after failed writes and their retries, the store differs from one that never failed (-clean +retried):\n%s", diff)
	}
	if !h.Persistent {
		return
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = h.Open(t, dir)
	if diff := cmp.Diff(want, Export(t, s)); diff != "" {
		t.Errorf("reopened after failed writes (-clean +reopened):\n%s", diff)
	}
}

func testReopen(t *testing.T, h Harness) {
	if !h.Persistent {
		t.Skip("the backend keeps nothing across Close")
	}
	s, dir := seeded(t, h)
	ctx := context.Background()
	exported, st := Export(t, s), stats(t, s)
	list, err := s.List(ctx, graph.KindMechanism, graph.Filter{Family: "府检联动"}, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Stats(ctx); !errors.Is(err, graph.ErrClosed) {
		t.Errorf("Stats after Close: err = %v, want ErrClosed", err)
	}
	s = h.Open(t, dir)
	if got := Export(t, s); got != exported {
		t.Errorf("export after reopening differs (-before +after):\n%s", cmp.Diff(exported, got))
	}
	if diff := cmp.Diff(st, stats(t, s)); diff != "" {
		t.Errorf("stats after reopening (-before +after):\n%s", diff)
	}
	again, err := s.List(ctx, graph.KindMechanism, graph.Filter{Family: "府检联动"}, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(list, again); diff != "" {
		t.Errorf("list after reopening (-before +after):\n%s", diff)
	}
	// Evidence reads as before: the store's first read of it since opening.
	evs, err := s.Evidence(ctx, []graph.ID{"evidence/xiuzhou-2023/7"})
	if err != nil || evs[0] == nil || evs[0].Text != Xiuzhou2023().SentenceText(7) {
		t.Errorf("Evidence after reopening = %+v, %v; want sentence 7 of xiuzhou-2023", evs, err)
	}
	// Writes go on after reopening.
	res, err := s.PutReport(ctx, Xiuzhou2023Revised())
	if err != nil || res.Status != graph.Replaced {
		t.Errorf("PutReport after reopening = %+v, %v; want replaced", res, err)
	}
}
