package synth

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/fazhikg/fazhikg/diffusion"
)

// Report is the truth of one generated report (a line of
// truth/adoptions.jsonl): where it is, whom and what year it covers, how it
// is written, and the mechanisms it states.
type Report struct {
	File      string `json:"file"`  // relative to the corpus directory, with /
	Place     string `json:"place"` // code
	Name      string `json:"name"`  // full name: 浙江省嘉兴市秀洲区
	Level     string `json:"level"` // province, city, county, zone
	Year      int    `json:"year"`  // year covered
	Title     string `json:"title,omitempty"`
	Published string `json:"published"` // YYYY-MM-DD
	Format    string `json:"format"`    // text or html
	Encoding  string `json:"encoding"`  // UTF-8 or GB18030
	Script    string `json:"script"`    // simplified or traditional
	Chars     int    `json:"chars"`     // characters of the decoded file
	// Achieved are the mechanisms the report states as in place, the ones
	// adopted in the year (New) and older ones it names again.
	Achieved []Mention `json:"achieved"`
	// Planned are the mechanisms it names only among its plans.
	Planned []Mention `json:"planned"`
	// Lacking are mechanisms not in place that it names among its
	// shortcomings (与先进地区相比，诉源治理等工作起步较晚).
	Lacking []Mention `json:"lacking,omitempty"`

	Bytes int64 `json:"-"`
}

// Mention is a mechanism a report names.
type Mention struct {
	// Mechanism is the canonical name; a local variant's family.
	Mechanism string `json:"mechanism"`
	// Surface is the main form written, as written (in traditional
	// characters in a traditional report); Surfaces lists every form.
	Surface  string   `json:"surface"`
	Surfaces []string `json:"surfaces,omitempty"`
	// Variant is true when the place names the mechanism by a local
	// variant (“1+3”府检联动模式).
	Variant bool `json:"variant,omitempty"`
	// Adopted is the year the place adopts the mechanism (for a plan, a
	// later year, an earlier one, or 0 for never); New marks an adoption in
	// the year covered.
	Adopted int  `json:"adopted,omitempty"`
	New     bool `json:"new,omitempty"`
}

// mentionOf is the truth of a mechanism a report tells of; written gives a
// surface as the report writes it.
func mentionOf(t *told, written func(string) string) Mention {
	m := Mention{Mechanism: t.m.name, Surface: written(t.primary), New: t.isNew, Variant: t.m.variantOf(t.primary)}
	if len(t.surfaces) > 0 && !slices.Contains(t.surfaces, t.primary) {
		m.Surface = written(t.surfaces[0])
	}
	for _, s := range t.surfaces {
		m.Surfaces = append(m.Surfaces, written(s))
	}
	if t.a != nil {
		m.Adopted = t.a.year
	}
	return m
}

// MechanismInfo describes a planted mechanism in the manifest.
type MechanismInfo struct {
	Name     string   `json:"name"`
	Core     string   `json:"core,omitempty"` // the quoted part of an invented name
	Invented bool     `json:"invented,omitempty"`
	Forms    []string `json:"forms"`
	Start    int      `json:"start"`
	Appeal   float64  `json:"appeal"`
	Origins  []string `json:"origins,omitempty"`
	Document string   `json:"document,omitempty"` // the document calling for it
	DocLevel string   `json:"docLevel,omitempty"`
	DocYear  int      `json:"docYear,omitempty"`
	Adopters int      `json:"adopters"`
}

// Manifest is manifest.json: what the corpus is and how it was made.
type Manifest struct {
	Description string            `json:"description"`
	Seed        int64             `json:"seed"`
	From        int               `json:"from"`
	Years       int               `json:"years"`
	Places      int               `json:"places"`
	Reports     int               `json:"reports"`
	Shares      Shares            `json:"shares"`
	Formats     map[string]int    `json:"formats"`
	Mechanisms  []MechanismInfo   `json:"mechanisms"`
	Adoptions   int               `json:"adoptions"`
	Files       map[string]string `json:"files"`
}

// truthWriter writes truth/adoptions.jsonl as reports are done.
type truthWriter struct {
	f   *os.File
	buf *bufio.Writer
	enc *json.Encoder
}

func newTruthWriter(dir string) (*truthWriter, error) {
	f, err := os.Create(filepath.Join(dir, "truth", "adoptions.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("synth.Generate: %w", err)
	}
	buf := bufio.NewWriterSize(f, 1<<16)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	return &truthWriter{f: f, buf: buf, enc: enc}, nil
}

func (t *truthWriter) adoption(r *Report) error {
	if err := t.enc.Encode(r); err != nil {
		return fmt.Errorf("synth.Generate: writing %s: %w", t.f.Name(), err)
	}
	return nil
}

// close flushes and closes the file; closing twice is harmless.
func (t *truthWriter) close() error {
	if t.f == nil {
		return nil
	}
	err := t.buf.Flush()
	if cerr := t.f.Close(); err == nil {
		err = cerr
	}
	name := t.f.Name()
	t.f = nil
	if err != nil {
		return fmt.Errorf("synth.Generate: writing %s: %w", name, err)
	}
	return nil
}

// writeTruth writes the planted edges, events, places and parameters.
func (c *corpus) writeTruth() error {
	dir := filepath.Join(c.o.Out, "truth")
	err := writeLines(filepath.Join(dir, "edges.jsonl"), len(c.truth), func(i int) any { return c.truth[i] })
	if err == nil {
		err = writeLines(filepath.Join(dir, "events.jsonl"), len(c.events), func(i int) any { return c.events[i] })
	}
	if err == nil {
		err = writeLines(filepath.Join(dir, "places.jsonl"), len(c.places), func(i int) any { return c.places[i].diffusionPlace() })
	}
	if err == nil {
		err = writeJSON(filepath.Join(dir, "params.json"), c.o.Params)
	}
	return err
}

func (c *corpus) writeManifest(sum Summary) error {
	m := Manifest{
		Description: "A synthetic corpus of rule-of-law government reports (法治政府建设年度报告) made by fazhikg synth: " +
			"real places, fictional content, planted diffusion cascades. See truth/ for the ground truth.",
		Seed: c.o.Seed, From: c.o.From, Years: c.o.Years, Places: len(c.places), Reports: sum.Reports,
		Shares: *c.o.Shares, Adoptions: len(c.events),
		Formats: map[string]int{"html": sum.HTML, "traditional": sum.Traditional, "gb18030": sum.GB18030,
			"text": sum.Reports - sum.HTML},
		Files: map[string]string{
			"reports":               "reports/<year>/<place code>.txt|.html: one report per place and year",
			"truth/adoptions.jsonl": "per report: file, place, year, format, the mechanisms stated as achieved and as only planned",
			"truth/edges.jsonl":     "per adoption, its true source (diffusion.TruthEdge)",
			"truth/events.jsonl":    "the planted adoption events with their cues (diffusion.Event)",
			"truth/places.jsonl":    "the reporting places (diffusion.Place)",
			"truth/params.json":     "the true weights of the cascades (diffusion.Params)",
		},
	}
	for _, mech := range c.mechs {
		info := MechanismInfo{Name: mech.name, Core: mech.core, Invented: mech.invented, Forms: mech.forms,
			Start: mech.start, Appeal: mech.appeal, Adopters: len(c.adopters[mech])}
		for _, a := range c.adopters[mech] {
			if a.source.SourceKind == diffusion.SourceSeed && a.year == mech.start {
				info.Origins = append(info.Origins, a.p.code)
			}
		}
		if d := mech.doc; d != nil {
			info.Document, info.DocLevel, info.DocYear = d.title, d.level, d.year
		}
		m.Mechanisms = append(m.Mechanisms, info)
	}
	return writeJSON(filepath.Join(c.o.Out, "manifest.json"), m)
}

func writeLines(path string, n int, item func(int) any) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("synth.Generate: %w", err)
	}
	buf := bufio.NewWriterSize(f, 1<<16)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	for i := 0; i < n; i++ {
		if err := enc.Encode(item(i)); err != nil {
			f.Close()
			return fmt.Errorf("synth.Generate: writing %s: %w", path, err)
		}
	}
	if err := buf.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("synth.Generate: writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("synth.Generate: writing %s: %w", path, err)
	}
	return nil
}

func writeJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("synth.Generate: %s: %w", path, err)
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("synth.Generate: %w", err)
	}
	return nil
}

// Truth is the ground truth of a corpus, as LoadTruth reads it.
type Truth struct {
	Manifest Manifest
	Reports  []Report
	Edges    []diffusion.TruthEdge
	Events   []diffusion.Event
	Places   []diffusion.Place
	Params   diffusion.Params
}

// ErrTruth is wrapped by the errors of LoadTruth for files that are not a
// corpus's truth.
var ErrTruth = errors.New("synth: malformed truth")

// LoadTruth reads the manifest and the truth of the corpus in dir.
func LoadTruth(dir string) (*Truth, error) {
	t := &Truth{}
	if err := readJSON(filepath.Join(dir, "manifest.json"), &t.Manifest); err != nil {
		return nil, err
	}
	if err := readJSON(filepath.Join(dir, "truth", "params.json"), &t.Params); err != nil {
		return nil, err
	}
	if err := readLines(filepath.Join(dir, "truth", "adoptions.jsonl"), func(d *json.Decoder) error {
		var r Report
		err := d.Decode(&r)
		t.Reports = append(t.Reports, r)
		return err
	}); err != nil {
		return nil, err
	}
	if err := readLines(filepath.Join(dir, "truth", "edges.jsonl"), func(d *json.Decoder) error {
		var e diffusion.TruthEdge
		err := d.Decode(&e)
		t.Edges = append(t.Edges, e)
		return err
	}); err != nil {
		return nil, err
	}
	if err := readLines(filepath.Join(dir, "truth", "events.jsonl"), func(d *json.Decoder) error {
		var e diffusion.Event
		err := d.Decode(&e)
		t.Events = append(t.Events, e)
		return err
	}); err != nil {
		return nil, err
	}
	if err := readLines(filepath.Join(dir, "truth", "places.jsonl"), func(d *json.Decoder) error {
		var p diffusion.Place
		err := d.Decode(&p)
		t.Places = append(t.Places, p)
		return err
	}); err != nil {
		return nil, err
	}
	return t, nil
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("synth.LoadTruth: %w", err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("synth.LoadTruth: %s: %w: %v", path, ErrTruth, err)
	}
	return nil
}

func readLines(path string, decode func(*json.Decoder) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("synth.LoadTruth: %w", err)
	}
	defer f.Close()
	d := json.NewDecoder(bufio.NewReader(f))
	for {
		if !d.More() {
			return nil
		}
		if err := decode(d); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("synth.LoadTruth: %s: %w: %v", path, ErrTruth, err)
		}
	}
}
