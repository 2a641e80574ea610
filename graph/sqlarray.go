package graph

import (
	"database/sql/driver"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// pgArray is a column of values sent as one PostgreSQL array parameter, in
// the array's text form: elements nil (NULL), []byte (bytea), string,
// int64, bool, float64 or time.Time. lib/pq's arrays hold no NULLs, which
// the nullable columns of Cayley's nodes table need.
type pgArray []any

// Value returns the array's text form.
func (a pgArray) Value() (driver.Value, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, v := range a {
		if i > 0 {
			b.WriteByte(',')
		}
		switch v := v.(type) {
		case nil:
			b.WriteString("NULL")
		case []byte:
			if v == nil {
				b.WriteString("NULL")
				break
			}
			b.WriteString(`"\\x`)
			b.WriteString(hex.EncodeToString(v))
			b.WriteByte('"')
		case string:
			quoteElement(&b, v)
		case int64:
			b.WriteString(strconv.FormatInt(v, 10))
		case bool:
			if v {
				b.WriteString("t")
			} else {
				b.WriteString("f")
			}
		case float64:
			quoteElement(&b, strconv.FormatFloat(v, 'g', -1, 64))
		case time.Time:
			quoteElement(&b, v.Format("2006-01-02 15:04:05.999999999Z07:00"))
		default:
			return nil, fmt.Errorf("pgArray: element of type %T", v)
		}
	}
	b.WriteByte('}')
	return b.String(), nil
}

// quoteElement writes s as a quoted array element.
func quoteElement(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		if r == '"' || r == '\\' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
}
