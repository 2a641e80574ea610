package synth

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/fazhikg/fazhikg/diffusion"
)

// Errors of Generate; they come wrapped with the operation and the detail.
var (
	// ErrOptions means the options ask for something that cannot be made:
	// more places than the gazetteer holds, no years, a share outside [0, 1].
	ErrOptions = errors.New("synth: bad options")
	// ErrOutNotEmpty means the output directory exists and holds files;
	// Generate never writes over an earlier corpus.
	ErrOutNotEmpty = errors.New("synth: output directory not empty")
)

// Defaults of Options.
const (
	DefaultPlaces     = 300
	DefaultYears      = 6
	DefaultFrom       = 2018
	DefaultMechanisms = 24
)

// Options say what corpus to generate. Zero values take the defaults.
type Options struct {
	// Places is the number of reporting jurisdictions (provinces, cities,
	// counties, districts and zones, drawn from the gazetteer in clusters).
	Places int
	// Years is the number of years covered, from From on: each place
	// reports every year.
	Years int
	From  int
	// Mechanisms is the number of planted mechanisms; the first ones are
	// well-known mechanisms, about a third are invented.
	Mechanisms int
	// Seed makes the corpus: the same options give byte-identical output.
	Seed int64
	// Out is the directory written; it is created, and must be absent or
	// empty.
	Out string
	// Shares of the formats and furniture; nil means DefaultShares.
	Shares *Shares
	// Params are the true weights of the cascades; nil means
	// diffusion.DefaultParams.
	Params *diffusion.Params
	// Workers render reports in parallel; 0 means GOMAXPROCS. The output
	// does not depend on it.
	Workers int
}

// Shares are the fractions of reports in each format or with each kind of
// furniture, each drawn independently per report.
type Shares struct {
	HTML        float64 `json:"html"`        // saved as a portal's HTML page
	Traditional float64 `json:"traditional"` // written in traditional characters (text files only)
	GB18030     float64 `json:"gb18030"`     // encoded in GB18030 instead of UTF-8
	Portal      float64 `json:"portal"`      // portal cruft around a text: breadcrumbs, print links, footer
	Metadata    float64 `json:"metadata"`    // a metadata block: 索引号, 发布机构, 成文日期 …
	NoTitle     float64 `json:"noTitle"`     // no title line: jurisdiction and year only in the prose
	CRLF        float64 `json:"crlf"`        // Windows line endings
}

// DefaultShares are close to what a crawler brings home.
func DefaultShares() Shares {
	return Shares{HTML: 0.15, Traditional: 0.06, GB18030: 0.10, Portal: 0.35, Metadata: 0.45, NoTitle: 0.04, CRLF: 0.12}
}

// Summary counts what Generate wrote.
type Summary struct {
	Reports    int
	Places     int
	Years      int
	Mechanisms int
	// Adoptions are the planted adoption events; Edges the planted
	// transmissions (one per adoption).
	Adoptions int
	Edges     int
	// Achieved and Planned count the mechanisms the reports state as in
	// place and as only planned (one per report and mechanism).
	Achieved int
	Planned  int
	// Formats.
	HTML, Traditional, GB18030 int
	Bytes                      int64
	Elapsed                    time.Duration
}

// Progress is told how many reports are written out of how many.
type Progress func(done, total int)

// Generate writes a synthetic corpus to o.Out: one report per place and
// year under reports/, the ground truth under truth/ and manifest.json.
// Reports are rendered in parallel and written as they are done, so memory
// stays flat whatever the size; progress, if not nil, is called from one
// goroutine after each batch.
func Generate(ctx context.Context, o Options, progress Progress) (Summary, error) {
	start := time.Now()
	if err := o.fill(); err != nil {
		return Summary{}, err
	}
	if err := prepareOut(o.Out); err != nil {
		return Summary{}, err
	}
	c, err := newCorpus(o)
	if err != nil {
		return Summary{}, err
	}
	sum, err := c.write(ctx, progress)
	sum.Elapsed = time.Since(start)
	return sum, err
}

// fill puts in the defaults and checks the options.
func (o *Options) fill() error {
	if o.Places == 0 {
		o.Places = DefaultPlaces
	}
	if o.Years == 0 {
		o.Years = DefaultYears
	}
	if o.From == 0 {
		o.From = DefaultFrom
	}
	if o.Mechanisms == 0 {
		o.Mechanisms = DefaultMechanisms
	}
	if o.Shares == nil {
		s := DefaultShares()
		o.Shares = &s
	}
	if o.Params == nil {
		p := diffusion.DefaultParams()
		o.Params = &p
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	switch {
	case o.Out == "":
		return fmt.Errorf("synth.Generate: %w: no output directory", ErrOptions)
	case o.Places < 1:
		return fmt.Errorf("synth.Generate: %w: %d places", ErrOptions, o.Places)
	case o.Years < 1 || o.Years > 40:
		return fmt.Errorf("synth.Generate: %w: %d years, want 1 to 40", ErrOptions, o.Years)
	case o.From < 1990 || o.From+o.Years > 2100:
		return fmt.Errorf("synth.Generate: %w: years %d to %d", ErrOptions, o.From, o.From+o.Years-1)
	case o.Mechanisms < 1 || o.Mechanisms > maxMechanisms:
		return fmt.Errorf("synth.Generate: %w: %d mechanisms, want 1 to %d", ErrOptions, o.Mechanisms, maxMechanisms)
	}
	s := o.Shares
	for _, f := range []struct {
		name string
		v    float64
	}{{"html", s.HTML}, {"traditional", s.Traditional}, {"gb18030", s.GB18030}, {"portal", s.Portal},
		{"metadata", s.Metadata}, {"notitle", s.NoTitle}, {"crlf", s.CRLF}} {
		if f.v < 0 || f.v > 1 {
			return fmt.Errorf("synth.Generate: %w: share %s = %g, want 0 to 1", ErrOptions, f.name, f.v)
		}
	}
	return nil
}

// prepareOut creates the output directory, refusing one that holds files.
func prepareOut(dir string) error {
	ents, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return fmt.Errorf("synth.Generate: reading %s: %w", dir, err)
	case len(ents) > 0:
		return fmt.Errorf("synth.Generate: %s: %w", dir, ErrOutNotEmpty)
	}
	for _, d := range []string{dir, filepath.Join(dir, "truth"), filepath.Join(dir, "reports")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("synth.Generate: %w", err)
		}
	}
	return nil
}

// batchSize is how many reports are rendered between two writes of the
// truth: the memory held at once.
const batchSize = 256

// write renders and writes every report, then the truth and the manifest.
func (c *corpus) write(ctx context.Context, progress Progress) (Summary, error) {
	sum := Summary{Places: len(c.places), Years: c.o.Years, Mechanisms: len(c.mechs),
		Adoptions: len(c.events), Edges: len(c.truth)}
	tw, err := newTruthWriter(c.o.Out)
	if err != nil {
		return sum, err
	}
	defer tw.close()
	for y := c.o.From; y < c.o.From+c.o.Years; y++ {
		if err := os.MkdirAll(filepath.Join(c.o.Out, "reports", fmt.Sprint(y)), 0o755); err != nil {
			return sum, fmt.Errorf("synth.Generate: %w", err)
		}
	}
	total := len(c.places) * c.o.Years
	results := make([]Report, batchSize)
	errs := make([]error, batchSize)
	for lo := 0; lo < total; lo += batchSize {
		if err := ctx.Err(); err != nil {
			return sum, fmt.Errorf("synth.Generate: %w", err)
		}
		hi := min(lo+batchSize, total)
		jobs := make(chan int)
		var wg sync.WaitGroup
		for w := 0; w < c.o.Workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range jobs {
					results[i-lo], errs[i-lo] = c.writeReport(i)
				}
			}()
		}
		for i := lo; i < hi; i++ {
			jobs <- i
		}
		close(jobs)
		wg.Wait()
		for i := lo; i < hi; i++ {
			if err := errs[i-lo]; err != nil {
				return sum, err
			}
			rt := &results[i-lo]
			sum.Reports++
			sum.Bytes += rt.Bytes
			sum.Achieved += len(rt.Achieved)
			sum.Planned += len(rt.Planned)
			switch {
			case rt.Format == "html":
				sum.HTML++
			case rt.Script == "traditional":
				sum.Traditional++
			}
			if rt.Encoding == "GB18030" {
				sum.GB18030++
			}
			if err := tw.adoption(rt); err != nil {
				return sum, err
			}
		}
		if progress != nil {
			progress(hi, total)
		}
	}
	if err := c.writeTruth(); err != nil {
		return sum, err
	}
	if err := tw.close(); err != nil {
		return sum, err
	}
	return sum, c.writeManifest(sum)
}

// writeReport renders report i (places in code order, then years) and
// writes its file.
func (c *corpus) writeReport(i int) (Report, error) {
	p := c.places[i/c.o.Years]
	year := c.o.From + i%c.o.Years
	rep := c.render(p, year)
	path := filepath.Join(c.o.Out, filepath.FromSlash(rep.truth.File))
	if err := os.WriteFile(path, rep.bytes, 0o644); err != nil {
		return Report{}, fmt.Errorf("synth.Generate: %w", err)
	}
	rep.truth.Bytes = int64(len(rep.bytes))
	return rep.truth, nil
}
