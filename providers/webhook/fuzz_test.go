package webhook_test

import (
	"testing"
	"time"

	"github.com/heraldhq/herald/providers/webhook"
)

// FuzzVerify checks arbitrary signature headers: only the real signature of
// the real body verifies.
func FuzzVerify(f *testing.F) {
	secret := []byte("s3cret")
	now := time.Unix(1_700_000_000, 0)
	body := []byte(`{"id":"1"}`)
	f.Add(webhook.Sign(secret, now, body), string(body))
	f.Add("t=1700000000,v1=00", string(body))
	f.Add("t=,v1=", "")
	f.Add("v1=abc,t=1700000000,v1=def", "x")
	f.Fuzz(func(t *testing.T, header, got string) {
		err := webhook.Verify(secret, header, []byte(got), now, 0)
		if err == nil && header != webhook.Sign(secret, now, []byte(got)) && !validAlternate(secret, header, []byte(got), now) {
			t.Fatalf("verified a forged signature %q for %q", header, got)
		}
	})
}

// validAlternate accepts headers that carry, among others, the right v1 for
// a timestamp within tolerance: Verify allows several v1 values (rotation).
func validAlternate(secret []byte, header string, body []byte, now time.Time) bool {
	for d := -webhook.DefaultTolerance; d <= webhook.DefaultTolerance; d += time.Second {
		sig := webhook.Sign(secret, now.Add(d), body)
		if len(sig) > 0 && containsAll(header, sig) {
			return true
		}
	}
	return false
}

func containsAll(header, sig string) bool {
	// sig is "t=<ts>,v1=<mac>": both parts must appear as header fields.
	var ts, mac string
	for i := 0; i < len(sig); i++ {
		if sig[i] == ',' {
			ts, mac = sig[:i], sig[i+1:]
		}
	}
	return contains(header, ts) && contains(header, mac)
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
