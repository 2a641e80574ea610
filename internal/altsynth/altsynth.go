package altsynth

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/fazhikg/fazhikg/diffusion"
)

// Defaults of Options.
const (
	DefaultPlaces     = 300
	DefaultYears      = 6
	DefaultFrom       = 2018
	DefaultMechanisms = 24
)

// Errors of Generate; they come wrapped with the operation and the detail.
var (
	// ErrOptions means the options ask for what cannot be made: fewer
	// than two places or more than the provinces drawn from hold, no
	// years, more mechanisms than the catalogue has.
	ErrOptions = errors.New("altsynth: bad options")
	// ErrOutNotEmpty means the output directory holds files; Generate
	// never writes over an earlier corpus.
	ErrOutNotEmpty = errors.New("altsynth: output directory not empty")
)

// Options say what corpus to make. Zero values take the defaults.
type Options struct {
	// Places is the number of reporting jurisdictions.
	Places int
	// Years is the number of years covered from From on; every place
	// reports every year.
	Years int
	From  int
	// Mechanisms is the number of planted mechanisms, about two thirds of
	// them well known and a third invented.
	Mechanisms int
	// Seed makes the corpus: the same options give the same bytes.
	Seed int64
	// Out is the directory written; it must be absent or empty.
	Out string
	// Params are the true weights of the cascades; nil means
	// DefaultParams.
	Params *diffusion.Params
	// Workers write reports in parallel; 0 means GOMAXPROCS. The output
	// does not depend on it.
	Workers int
}

// Summary counts what Generate wrote.
type Summary struct {
	Reports    int
	Places     int
	Years      int
	Mechanisms int
	// Adoptions are the planted adoption events.
	Adoptions int
	// Achieved, Planned and Lacking count mechanism mentions of the
	// reports by kind; New the achieved ones that are adoptions.
	Achieved, New, Planned, Lacking int
	HTML, GB18030, Traditional      int
	Bytes                           int64
}

// DefaultParams are this generator's true weights: a parent's example
// weighs more and fades faster than diffusion.DefaultParams have it,
// neighbours under one parent copy each other more, reports name their
// source more often and cite documents a little less.
func DefaultParams() diffusion.Params {
	return diffusion.Params{
		Rate: map[string]float64{
			diffusion.PathParentChild: 0.32,
			diffusion.PathChildParent: 0.05,
			diffusion.PathSiblings:    0.07,
			diffusion.PathProvince:    0.004,
			diffusion.PathNational:    0.0006,
		},
		Decay:         0.45,
		Tie:           0.5,
		Innovation:    0.0025,
		Document:      0.16,
		ExplicitShare: 0.4,
		Misnamed:      diffusion.MinMisnamed,
		Cite:          0.7,
		CiteOther:     0.2,
		AwardShare:    0.06,
		AwardBoost:    2.5,
	}
}

func (o *Options) defaults() error {
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
	if o.Params == nil {
		p := DefaultParams()
		o.Params = &p
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	switch {
	case o.Places < 2:
		return fmt.Errorf("%w: %d places, want 2 or more", ErrOptions, o.Places)
	case o.Years < 1:
		return fmt.Errorf("%w: %d years", ErrOptions, o.Years)
	case o.From < 2000 || o.From+o.Years > 2100:
		return fmt.Errorf("%w: years %d to %d", ErrOptions, o.From, o.From+o.Years-1)
	case o.Mechanisms < 1 || o.Mechanisms > len(known)+len(invented):
		return fmt.Errorf("%w: %d mechanisms, the catalogue has %d", ErrOptions, o.Mechanisms, len(known)+len(invented))
	case o.Out == "":
		return fmt.Errorf("%w: no output directory", ErrOptions)
	}
	return nil
}

// Generate writes a corpus to o.Out: reports, manifest.json and truth/
// in the layout of internal/synth, so that synth.LoadTruth reads it.
func Generate(ctx context.Context, o Options) (Summary, error) {
	if err := o.defaults(); err != nil {
		return Summary{}, fmt.Errorf("altsynth.Generate: %w", err)
	}
	if err := prepareOut(o.Out); err != nil {
		return Summary{}, err
	}
	c, err := plan(o)
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{Places: len(c.places), Years: o.Years, Mechanisms: len(c.mechs), Adoptions: len(c.events)}

	type job struct{ i, pi, year int }
	jobs := make(chan job)
	n := len(c.places) * o.Years
	results := make([]written, n)
	errs := make([]error, o.Workers)
	var wg sync.WaitGroup
	for w := range o.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if errs[w] != nil {
					continue
				}
				results[j.i], errs[w] = c.write(c.places[j.pi], j.year)
			}
		}()
	}
feed:
	for i := range n {
		select {
		case jobs <- job{i: i, pi: i / o.Years, year: o.From + i%o.Years}:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return sum, fmt.Errorf("altsynth.Generate: %w", err)
	}
	if err := errors.Join(errs...); err != nil {
		return sum, err
	}
	for _, r := range results {
		sum.Reports++
		sum.Bytes += r.truth.Bytes
		sum.Achieved += len(r.truth.Achieved)
		sum.Planned += len(r.truth.Planned)
		sum.Lacking += len(r.truth.Lacking)
		for _, m := range r.truth.Achieved {
			if m.New {
				sum.New++
			}
		}
		if r.truth.Format == "html" {
			sum.HTML++
		}
		if r.truth.Encoding == "GB18030" {
			sum.GB18030++
		}
		if r.truth.Script == "traditional" {
			sum.Traditional++
		}
	}
	if err := c.writeTruth(results, sum); err != nil {
		return sum, err
	}
	return sum, nil
}

// prepareOut creates the output directories, refusing a directory that
// holds files.
func prepareOut(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("altsynth.Generate: %w", err)
	}
	if len(entries) > 0 {
		return fmt.Errorf("altsynth.Generate: %s: %w", dir, ErrOutNotEmpty)
	}
	if err := os.MkdirAll(filepath.Join(dir, "truth"), 0o755); err != nil {
		return fmt.Errorf("altsynth.Generate: %w", err)
	}
	return nil
}
