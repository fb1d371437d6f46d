package messagetype_test

import (
	"testing"

	"github.com/heraldhq/herald/messagetype"
	"github.com/heraldhq/herald/render"
)

// FuzzParse parses arbitrary definition files: errors, never panics, and a
// definition that parses has a key and channels.
func FuzzParse(f *testing.F) {
	f.Add(valid)
	f.Add("messageTypes:\n  - key: a\n    channels: [sms]\n    templates: {sms: {body: '{{.x'}}\n")
	f.Add("messageTypes: [1, 2]\n")
	f.Add("tenant: [x]\nmessageTypes:\n  - {key: b, channels: [email], ttl: 1h, templates: {email: {subject: s, body: b}}, rateLimit: {per: 1s, count: 1}}\n")
	f.Add(": : :\n\t- &a [*a]")
	r := render.New()
	f.Fuzz(func(t *testing.T, body string) {
		defs, _ := messagetype.Parse("fuzz.yaml", []byte(body), r)
		for _, d := range defs {
			if d.Key == "" || len(d.Spec.Channels) == 0 {
				t.Fatalf("accepted a definition without key or channels: %+v", d)
			}
		}
	})
}
