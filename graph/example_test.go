package graph_test

import (
	"context"
	"fmt"
	"log"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/graph/graphtest"
)

// A store in memory, the fixture's reports put into it, then the spread of
// 府检联动 read back: which jurisdictions adopted it, or a variant of it, and
// when first.
func Example() {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Backend: graph.Memstore})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutReports(ctx, graphtest.Fixture()); err != nil {
		log.Fatal(err)
	}

	// Any form of the name will do: traditional characters, a suffix.
	ids, err := s.Find(ctx, graph.KindMechanism, "府檢聯動機制")
	if err != nil || len(ids) == 0 {
		log.Fatal("not found: ", err)
	}
	adoptions, err := s.MechanismAdoptions(ctx, ids[:1], graph.AdoptionQuery{Variants: true})
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range adoptions[0] {
		places, _ := s.Jurisdictions(ctx, []graph.ID{a.JurisdictionID})
		evidence, _ := s.Evidence(ctx, a.EvidenceIDs[:1])
		fmt.Printf("%d %s (%s): %s\n", a.Year, places[0].FullName, a.MechanismID, evidence[0].Text)
	}
	// Output:
	// 2018 浙江省湖州市 (mechanism/府检联席): 市政府與市檢察院建立府檢聯席工作機制。
	// 2022 浙江省嘉兴市秀洲区 (mechanism/府检联动): 2022年，秀洲区启动府检联动试点，区政府与区检察院签订协作意见。
	// 2023 山东省济宁市嘉祥县 (mechanism/三三制府检联动模式): 嘉祥县创新“三三制”府检联动模式，县检察院与县司法局联合办案12件。
}

// Putting a report again under the same name and hash writes nothing; a new
// version replaces the old one's quads in one transaction.
func ExampleStore_PutReport() {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Backend: graph.Memstore})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	for _, r := range []*extract.Report{graphtest.Xiuzhou2023(), graphtest.Xiuzhou2023(), graphtest.Xiuzhou2023Revised()} {
		res, err := s.PutReport(ctx, r)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(res.ID, res.Status)
	}
	// Output:
	// report/xiuzhou-2023 added
	// report/xiuzhou-2023 unchanged
	// report/xiuzhou-2023 replaced
}
