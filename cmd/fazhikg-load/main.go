// Command fazhikg-load puts fazhikg serve under load: it starts the server
// as a child process on loopback over a data directory (building a
// synthetic store there first when it holds none), runs concurrent clients
// sending a mix of the analysts' queries for a while, and prints the
// requests, the errors, the latencies (p50, p90, p99) and the server's
// memory, sampled as it goes. It exits with status 1 when any request
// failed.
//
//	go build -o /tmp/fazhikg ./cmd/fazhikg
//	go run ./cmd/fazhikg-load --fazhikg /tmp/fazhikg --data /tmp/load-store
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/fazhikg/fazhikg/internal/loadtest"
)

func main() {
	var o loadtest.Options
	var serveArgs string
	flag.StringVar(&o.Binary, "fazhikg", "fazhikg", "the fazhikg executable")
	flag.StringVar(&o.Data, "data", "", "data directory to serve; a synthetic store is built there when it is empty or absent")
	flag.IntVar(&o.Places, "places", 500, "jurisdictions of the synthetic corpus")
	flag.IntVar(&o.Years, "years", 6, "years of the synthetic corpus (one report per place and year)")
	flag.IntVar(&o.Clients, "clients", 64, "concurrent clients")
	flag.DurationVar(&o.Duration, "duration", time.Minute, "how long the clients send requests")
	flag.DurationVar(&o.Sample, "sample", 5*time.Second, "how often the server's memory is read")
	flag.StringVar(&serveArgs, "serve-args", "", "more arguments for fazhikg serve, space-separated")
	flag.Uint64Var(&o.Seed, "seed", 1, "random seed of the choice of queries")
	flag.Parse()
	if o.Data == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: fazhikg-load --data DIR [--fazhikg PATH] [--clients 64] [--duration 60s]")
		os.Exit(64)
	}
	o.ServeArgs = strings.Fields(serveArgs)
	o.Log = os.Stderr
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := loadtest.Run(ctx, o)
	if res != nil {
		res.WriteTo(os.Stdout)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "fazhikg-load: %v\n", err)
		os.Exit(1)
	}
	if res.Errors > 0 {
		os.Exit(1)
	}
}
