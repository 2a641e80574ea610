package cli

import (
	"errors"
	"strings"
)

// unwrapRead drops the package prefix of a read error, since the caller
// prints the file's path itself: "extract.ReadFile(\"a.txt\"): empty input"
// becomes "empty input".
func unwrapRead(err error) error {
	msg := err.Error()
	if i := strings.Index(msg, "): "); i >= 0 && strings.HasPrefix(msg, "extract.") {
		return errors.New(msg[i+3:])
	}
	return err
}
