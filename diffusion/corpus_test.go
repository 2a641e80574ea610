package diffusion

import "fmt"

// corpus is the synthetic evaluation corpus: 6 provinces of 6 cities of
// about 8 counties (330 places), 2018–2023, 24 mechanisms of varied
// origins, attractiveness and documents.
func corpus() (places []Place, mechs []MechanismSpec, truth Params, years [2]int) {
	places = SyntheticPlaces(6, 6, 8)
	years = [2]int{2018, 2023}
	truth = DefaultParams()
	for i := range 24 {
		m := MechanismSpec{
			Name:           fmt.Sprintf("机制%02d", i+1),
			Start:          2018 + i%3,
			Attractiveness: 0.6 + 0.1*float64(i%7),
		}
		switch i % 4 {
		case 0:
			m.OriginLevel, m.OriginCount = LevelCounty, 1
		case 1:
			m.OriginLevel, m.OriginCount = LevelCity, 1
		case 2:
			m.OriginLevel, m.OriginCount = LevelCounty, 2
		case 3:
			m.Origins = []string{fmt.Sprintf("%02d0000", 11+i%6)}
		}
		if i%3 == 0 {
			m.Documents = append(m.Documents, DocumentSpec{Title: fmt.Sprintf("关于推广%s的意见", m.Name),
				Level: DocNational, Year: m.Start + 1 + i%2})
		}
		if i%5 == 1 {
			p := fmt.Sprintf("%02d0000", 11+(i+2)%6)
			m.Documents = append(m.Documents, DocumentSpec{Title: fmt.Sprintf("省%s条例", p[:2]),
				Level: DocProvince, Province: p, Year: m.Start + 2})
		}
		mechs = append(mechs, m)
	}
	return places, mechs, truth, years
}
