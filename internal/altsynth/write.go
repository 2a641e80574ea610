package altsynth

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/fazhikg/fazhikg/diffusion"
	"github.com/fazhikg/fazhikg/internal/synth"
)

// Phrasing is a line of truth/phrasing.jsonl: how one report tells of one
// mechanism, so that misses can be grouped by the way they are written.
type Phrasing struct {
	File      string `json:"file"`
	Mechanism string `json:"mechanism"`
	Role      string `json:"role"` // new, old, planned, lacking
	// Pattern names the main sentence's structure (build, title, trap:drafted …).
	Pattern string `json:"pattern"`
	// Ways name how each cue is told (learned:借鉴经验, promoted:统一部署/relative …).
	Ways      []string `json:"ways,omitempty"`
	Surfaces  []string `json:"surfaces"`
	Sentences []string `json:"sentences"`
	// Format sums up the report's dress: html, gb18030, traditional,
	// halfwidth, wrapped, plus-lost.
	Format []string `json:"format,omitempty"`
}

// written is the outcome of one report.
type written struct {
	truth    synth.Report
	phrasing []Phrasing
	// forms are the surfaces written, by mechanism index, dressed and
	// simplified.
	forms map[int][]string
}

// write composes, dresses and writes the report of p for year y.
func (c *corpus) write(p *place, y int) (written, error) {
	rng := c.stream("dress", p.code, y)
	d := newDress(rng)
	if d.script != "" {
		ccs, err := converters()
		if err != nil {
			return written{}, fmt.Errorf("altsynth.Generate: %w", err)
		}
		d.cc = ccs[d.script]
	}
	d.title = titleOf(rng, p, y)
	d.published = fmt.Sprintf("%d-%02d-%02d", y+1, 1+rng.IntN(4), 1+rng.IntN(28))
	needYear := d.noTitle || !strings.Contains(d.title, strconv.Itoa(y))
	dr := c.compose(p, y, needYear)

	var body []string
	for _, para := range dr.render(rng) {
		body = append(body, d.body(para))
	}
	var front, end []string
	for _, f := range d.front(rng, p, y) {
		front = append(front, d.text(f))
	}
	for _, e := range d.end(rng, p) {
		end = append(end, d.text(e))
	}
	text := d.assemble(rng, p, front, body, end)

	r := synth.Report{
		Place: p.code, Name: p.full, Level: p.level, Year: y, Published: d.published,
		Format: "text", Encoding: "UTF-8", Script: "simplified",
		Chars:    utf8.RuneCountInString(strings.ReplaceAll(text, "\r\n", "\n")),
		Achieved: []synth.Mention{}, Planned: []synth.Mention{},
	}
	if !d.noTitle {
		r.Title = d.dressedTitle()
	}
	ext := ".txt"
	if d.html {
		r.Format, ext = "html", ".html"
	}
	if d.script != "" {
		r.Script = "traditional"
	}
	r.File = fmt.Sprintf("reports/%d/%s%s", y, p.code, ext)
	raw := []byte(text)
	if d.gb18030 {
		enc, err := simplifiedchinese.GB18030.NewEncoder().String(text)
		if err != nil {
			return written{}, fmt.Errorf("altsynth.Generate: encoding %s: %w", r.File, err)
		}
		raw, r.Encoding = []byte(enc), "GB18030"
	}
	r.Bytes = int64(len(raw))
	path := filepath.Join(c.o.Out, filepath.FromSlash(r.File))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return written{}, fmt.Errorf("altsynth.Generate: %w", err)
	}
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		return written{}, fmt.Errorf("altsynth.Generate: %w", err)
	}

	out := written{forms: make(map[int][]string)}
	format := d.tags()
	for _, t := range dr.told {
		if len(t.surfaces) == 0 {
			continue
		}
		m := synth.Mention{Mechanism: t.m.e.name, Adopted: t.adopted, New: t.role == roleNew}
		for _, s := range t.surfaces {
			ds := d.text(s)
			if !slices.Contains(m.Surfaces, ds) {
				m.Surfaces = append(m.Surfaces, ds)
			}
			out.forms[t.m.idx] = append(out.forms[t.m.idx], s, ds)
		}
		m.Surface = m.Surfaces[0]
		m.Variant = t.variant != "" && t.surfaces[0] == t.variant
		switch t.role {
		case roleNew, roleOld:
			r.Achieved = append(r.Achieved, m)
		case rolePlan:
			r.Planned = append(r.Planned, m)
		case roleLack:
			r.Lacking = append(r.Lacking, m)
		}
		ph := Phrasing{File: r.File, Mechanism: t.m.e.name, Role: t.role.String(), Pattern: t.pattern, Ways: t.ways,
			Surfaces: m.Surfaces, Format: format}
		for _, s := range t.sentences {
			ph.Sentences = append(ph.Sentences, d.body(s))
		}
		out.phrasing = append(out.phrasing, ph)
	}
	out.truth = r
	return out, nil
}

// tags sum up a dress for the records.
func (d *dress) tags() []string {
	var out []string
	for _, t := range []struct {
		on   bool
		name string
	}{
		{d.html, "html"}, {d.gb18030, "gb18030"}, {d.script != "", "traditional"}, {d.halfWidth, "halfwidth"},
		{d.wrapped, "wrapped"}, {d.plusLost, "plus-lost"}, {d.noTitle, "no-title"}, {d.encyclopedia, "encyclopedia"},
	} {
		if t.on {
			out = append(out, t.name)
		}
	}
	return out
}

// writeTruth writes manifest.json and truth/.
func (c *corpus) writeTruth(results []written, sum Summary) error {
	dir := filepath.Join(c.o.Out, "truth")
	var reports []any
	var phrasing []any
	forms := make([][]string, len(c.mechs))
	for _, w := range results {
		reports = append(reports, w.truth)
		for _, p := range w.phrasing {
			phrasing = append(phrasing, p)
		}
		for mi, fs := range w.forms {
			for _, f := range fs {
				if !slices.Contains(forms[mi], f) {
					forms[mi] = append(forms[mi], f)
				}
			}
		}
	}
	if err := writeLines(filepath.Join(dir, "adoptions.jsonl"), reports); err != nil {
		return err
	}
	if err := writeLines(filepath.Join(dir, "phrasing.jsonl"), phrasing); err != nil {
		return err
	}
	if err := writeLines(filepath.Join(dir, "edges.jsonl"), anySlice(c.edges)); err != nil {
		return err
	}
	if err := writeLines(filepath.Join(dir, "events.jsonl"), anySlice(c.events)); err != nil {
		return err
	}
	places := make([]diffusion.Place, len(c.places))
	for i, p := range c.places {
		places[i] = p.diffusionPlace()
	}
	if err := writeLines(filepath.Join(dir, "places.jsonl"), anySlice(places)); err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(dir, "params.json"), c.o.Params); err != nil {
		return err
	}

	m := synth.Manifest{
		Description: "An independently written synthetic corpus of rule-of-law government reports (法治政府建设年度报告): " +
			"real places, fictional content, planted diffusion cascades. See truth/ for the ground truth and truth/phrasing.jsonl for how each mention is written.",
		Seed: c.o.Seed, From: c.o.From, Years: c.o.Years, Places: len(c.places), Reports: sum.Reports,
		Shares: synth.Shares{HTML: shareHTML, Traditional: shareTraditional, GB18030: shareGB18030, Portal: sharePortal,
			Metadata: shareMetadata, NoTitle: shareNoTitle, CRLF: shareCRLF},
		Formats:   map[string]int{"html": sum.HTML, "text": sum.Reports - sum.HTML, "traditional": sum.Traditional, "gb18030": sum.GB18030},
		Adoptions: len(c.events),
		Files: map[string]string{
			"reports":               "reports/<year>/<place code>.txt|.html: one report per place and year",
			"truth/adoptions.jsonl": "per report: file, place, year, format, the mechanisms stated as achieved, as only planned, as lacking",
			"truth/phrasing.jsonl":  "per report and mechanism: the pattern of the sentence, how cues are told, the sentences",
			"truth/edges.jsonl":     "per adoption, its true source (diffusion.TruthEdge)",
			"truth/events.jsonl":    "the planted adoption events with their cues (diffusion.Event)",
			"truth/places.jsonl":    "the reporting places (diffusion.Place)",
			"truth/params.json":     "the true weights of the cascades (diffusion.Params)",
		},
	}
	adopters := make([]int, len(c.mechs))
	byName := make(map[string]int)
	for i, mc := range c.mechs {
		byName[mc.e.name] = i
	}
	for _, e := range c.events {
		adopters[byName[e.Mechanism]]++
	}
	for i, mc := range c.mechs {
		info := synth.MechanismInfo{Name: mc.e.name, Core: mc.e.core, Invented: mc.e.core != "", Forms: forms[i],
			Start: mc.start, Appeal: mc.appeal, Origins: mc.origins, Adopters: adopters[i]}
		if info.Forms == nil {
			info.Forms = []string{}
		}
		slices.Sort(info.Forms)
		if d := mc.doc; d != nil {
			info.Document, info.DocLevel, info.DocYear = d.title, d.level, d.year
		}
		m.Mechanisms = append(m.Mechanisms, info)
	}
	return writeJSON(filepath.Join(c.o.Out, "manifest.json"), m)
}

func anySlice[T any](s []T) []any {
	out := make([]any, len(s))
	for i := range s {
		out[i] = s[i]
	}
	return out
}

func writeLines(path string, items []any) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("altsynth.Generate: %w", err)
	}
	buf := bufio.NewWriterSize(f, 1<<16)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	for _, it := range items {
		if err := enc.Encode(it); err != nil {
			f.Close()
			return fmt.Errorf("altsynth.Generate: writing %s: %w", path, err)
		}
	}
	if err := buf.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("altsynth.Generate: writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("altsynth.Generate: writing %s: %w", path, err)
	}
	return nil
}

func writeJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("altsynth.Generate: %s: %w", path, err)
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("altsynth.Generate: %w", err)
	}
	return nil
}
