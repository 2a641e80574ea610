package diffusion_test

import (
	"fmt"

	"github.com/fazhikg/fazhikg/diffusion"
)

func ExampleModel_Spread() {
	places := []diffusion.Place{
		{Code: "330000", Name: "浙江省", Province: "330000", Level: diffusion.LevelProvince},
		{Code: "330400", Name: "嘉兴市", Parent: "330000", Province: "330000", Level: diffusion.LevelCity},
		{Code: "330411", Name: "秀洲区", Parent: "330400", Province: "330000", Level: diffusion.LevelCounty},
		{Code: "330402", Name: "南湖区", Parent: "330400", Province: "330000", Level: diffusion.LevelCounty},
		{Code: "330421", Name: "嘉善县", Parent: "330400", Province: "330000", Level: diffusion.LevelCounty},
	}
	events := []diffusion.Event{
		{Place: "330400", Mechanism: "府检联动", Year: 2019},
		{Place: "330411", Mechanism: "府检联动", Year: 2020},
		{Place: "330402", Mechanism: "府检联动", Year: 2020},
		{Place: "330421", Mechanism: "府检联动", Year: 2021,
			Cues: []diffusion.Cue{{Kind: diffusion.LearnedFrom, Place: "330411"}}},
	}
	// weights fitted over all mechanisms would be stored after ingest
	model := diffusion.NewModel(places, diffusion.DefaultParams())
	sp := model.Spread("府检联动", events, diffusion.Options{TopK: 2})
	for _, p := range sp.Curve {
		fmt.Printf("%d: +%d = %d\n", p.Year, p.New, p.Total)
	}
	for _, a := range sp.Adoptions {
		fmt.Printf("#%d %s %d, tied %.2f\n", a.Rank, a.Place, a.Year, a.Tied)
	}
	for _, e := range sp.Edges {
		fmt.Printf("%s ← %s %s (%s) %.2f\n", e.Target, e.SourceKind, e.Source, e.Path, e.Score)
	}
	// Output:
	// 2019: +1 = 1
	// 2020: +2 = 3
	// 2021: +1 = 4
	// #1 330400 2019, tied 0.00
	// #2 330402 2020, tied 0.09
	// #2 330411 2020, tied 0.09
	// #4 330421 2021, tied 0.00
	// 330400 ← seed  () 1.00
	// 330402 ← place 330400 (parent-child) 0.90
	// 330411 ← place 330400 (parent-child) 0.90
	// 330421 ← place 330411 (siblings) 0.98
}
