// Command fazhikg builds a knowledge graph of China's rule-of-law
// government reports and serves it. Run fazhikg help for its commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/fazhikg/fazhikg/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
