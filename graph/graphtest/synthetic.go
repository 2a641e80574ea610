package graphtest

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/fazhikg/fazhikg/extract"
)

// Synthetic returns report number i of a made-up corpus for benchmarks:
// each report the size of a real one (about 150 sentences, 2,000–3,000
// quads), its jurisdiction one of ~3,000 counties in 31 provinces, its
// mechanisms, documents and bodies drawn from shared pools so that reports
// share entities the way real ones do. The same i gives the same report.
func Synthetic(i int) *extract.Report {
	rng := rand.New(rand.NewPCG(uint64(i), 42))
	prov := i % 31
	city := (i / 31) % 10
	county := (i / 310) % 10
	year := 2016 + (i/3100)%10
	provCode := fmt.Sprintf("%02d0000000000", 11+prov)
	cityCode := fmt.Sprintf("%02d%02d00000000", 11+prov, 1+city)
	code := fmt.Sprintf("%02d%02d%02d000000", 11+prov, 1+city, 1+county)
	pname, cname, name := fmt.Sprintf("第%d省", prov+1), fmt.Sprintf("第%d市", city+1), fmt.Sprintf("第%d县", county+1)
	j := &extract.Jurisdiction{Code: code, Name: pname + cname + name, FullName: pname + cname + name, Level: extract.County, Parent: cityCode}
	r := &extract.Report{
		Name: fmt.Sprintf("synthetic-%06d", i), Source: fmt.Sprintf("synthetic/%06d.txt", i),
		Hash: fmt.Sprintf("sha-synthetic-%06d", i), Format: "text", Encoding: "UTF-8",
		Title: fmt.Sprintf("%s%d年法治政府建设年度报告", j.Name, year), Year: year, Jurisdiction: j,
		Jurisdictions: []extract.Jurisdiction{
			{Code: provCode, Name: pname, FullName: pname, Level: extract.Province},
			{Code: cityCode, Name: cname, FullName: pname + cname, Level: extract.City, Parent: provCode},
		},
	}
	kinds := []string{extract.KindCourt, extract.KindProcuratorate, extract.KindJustice, extract.KindPolice, extract.KindMarket, extract.KindEnforcement}
	bodies := map[string]*extract.Body{}
	mechs := map[string]*extract.Mechanism{}
	docs := map[string]*extract.Document{}
	var text strings.Builder
	pos := 0
	for s := 0; s < 150; s++ {
		status := extract.Achieved
		switch {
		case s >= 140:
			status = extract.Planned
		case s >= 130:
			status = extract.Problem
		}
		body := fmt.Sprintf("%s第%d局", j.Name, rng.IntN(60))
		mechNo := rng.IntN(300)
		mech := fmt.Sprintf("第%d号机制", mechNo)
		doc := fmt.Sprintf("第%d号文件", rng.IntN(2000))
		sentence := fmt.Sprintf("%d年，%s推行%s，落实《%s》，办理事项%d件。", year, body, mech, doc, rng.IntN(1000))
		n := utf8.RuneCountInString(sentence)
		r.Sentences = append(r.Sentences, extract.Sentence{Span: extract.Span{Start: pos, End: pos + n}, Status: status, Section: "一、主要举措和成效"})
		at := func(surface string) extract.Mention {
			k := strings.Index(sentence, surface)
			start := pos + utf8.RuneCountInString(sentence[:k])
			return extract.Mention{Span: extract.Span{Start: start, End: start + utf8.RuneCountInString(surface)}, Sentence: s, Surface: surface}
		}
		if bodies[body] == nil {
			bodies[body] = &extract.Body{Name: body, Kind: kinds[len(bodies)%len(kinds)], Jurisdiction: code, Surfaces: []string{body}}
		}
		bodies[body].Mentions = append(bodies[body].Mentions, at(body))
		if mechs[mech] == nil {
			m := &extract.Mechanism{Name: mech, Surfaces: []string{mech}, Bodies: []string{body}}
			// Mechanisms 10k+1 and 10k+2 are variants of mechanism 10k.
			if k := mechNo; k%10 == 1 || k%10 == 2 {
				m.Family = fmt.Sprintf("第%d号机制", k-k%10)
			}
			mechs[mech] = m
		}
		mechs[mech].Mentions = append(mechs[mech].Mentions, at(mech))
		if docs[doc] == nil {
			docs[doc] = &extract.Document{Title: doc, Kind: "办法", Level: "省级"}
		}
		docs[doc].Mentions = append(docs[doc].Mentions, at("《"+doc+"》"))
		text.WriteString(sentence)
		text.WriteString("\n")
		pos += n + 1
	}
	r.Text = text.String()
	for _, k := range slices.Sorted(maps.Keys(bodies)) {
		r.Bodies = append(r.Bodies, *bodies[k])
	}
	for _, k := range slices.Sorted(maps.Keys(mechs)) {
		r.Mechanisms = append(r.Mechanisms, *mechs[k])
	}
	for _, k := range slices.Sorted(maps.Keys(docs)) {
		r.Documents = append(r.Documents, *docs[k])
	}
	r.Awards = []extract.Award{{Name: "法治政府建设示范单位", Recipient: j.Name, Level: "省级", Year: year,
		Mentions: []extract.Mention{{Span: r.Sentences[0].Span, Sentence: 0, Surface: "法治政府建设示范单位"}}}}
	return r
}
