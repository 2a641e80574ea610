// Package cli holds fazhikg's sub-commands. Run executes one with the given
// arguments and writers, so that every command can be tested in process.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitError   = 1 // the command failed
	ExitPartial = 2 // the command ran, but some inputs failed
	ExitUsage   = 64
)

// errPartial marks a run in which some inputs failed; the failures have
// been reported already.
var errPartial = errors.New("some inputs failed")

// env holds what every command shares.
type env struct {
	stdout, stderr io.Writer
	dataDir        string
	cpuProfile     string
	memProfile     string
}

// Run runs the command line args and returns the process exit code.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:   "fazhikg",
		Short: "A knowledge graph of China's rule-of-law government reports",
		Long: `fazhikg reads rule-of-law government reports (法治政府建设年度报告), extracts the
jurisdictions, bodies, working mechanisms, documents, awards and people they
name, each fact with the sentence that states it, stores them in a Cayley quad
store and serves them over GraphQL.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetArgs(args)
	root.PersistentFlags().StringVar(&e.dataDir, "data", defaultDataDir(),
		"data directory of the embedded store (env FAZHIKG_DATA)")
	root.PersistentFlags().StringVar(&e.cpuProfile, "cpuprofile", "",
		"write a CPU profile of the command to this file (read it with go tool pprof)")
	root.PersistentFlags().StringVar(&e.memProfile, "memprofile", "",
		"write a memory profile of the command to this file when it ends: what it allocated, and what was still held (go tool pprof -sample_index=alloc_space or inuse_space)")
	var stopProfile func() error
	root.PersistentPreRunE = func(*cobra.Command, []string) (err error) {
		stopProfile, err = startCPUProfile(e.cpuProfile)
		return err
	}
	root.AddCommand(
		ingestCmd(e),
		extractCmd(e),
		serveCmd(e),
		deriveCmd(e),
		exportCmd(e),
		statsCmd(e),
		synthCmd(e),
		checkCmd(e),
		benchCmd(e),
	)
	err := root.ExecuteContext(ctx)
	if stopProfile != nil {
		if perr := stopProfile(); perr != nil && err == nil {
			err = perr
		}
	}
	if perr := writeMemProfile(e.memProfile); perr != nil && err == nil {
		err = perr
	}
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errPartial):
		return ExitPartial
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "fazhikg: %v\n", err)
		return ExitUsage
	default:
		fmt.Fprintf(stderr, "fazhikg: %v\n", err)
		return ExitError
	}
}

// startCPUProfile starts writing a CPU profile to path, and returns what
// stops it; nothing when path is empty.
func startCPUProfile(path string) (func() error, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile %s: %w", path, err)
	}
	return func() error {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			return fmt.Errorf("--cpuprofile %s: %w", path, err)
		}
		return nil
	}, nil
}

// writeMemProfile writes the heap profile to path; nothing when path is
// empty.
func writeMemProfile(path string) error {
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	err = pprof.Lookup("allocs").WriteTo(f, 0)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("--memprofile %s: %w", path, err)
	}
	return nil
}

// errUsage marks a bad command line.
var errUsage = errors.New("usage")

func usagef(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, args...))
}

// defaultDataDir is $FAZHIKG_DATA, else the user's data directory.
func defaultDataDir() string {
	if d := os.Getenv("FAZHIKG_DATA"); d != "" {
		return d
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "fazhikg")
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".local", "share", "fazhikg")
	}
	return "fazhikg-data"
}
