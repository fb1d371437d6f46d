package server

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestKeyCacheTrustsAKeyForItsTTLOnly: a cached key is trusted for
// keyCacheTTL and no longer, so a revocation whose announcement was lost
// takes effect within that; an announced revocation forgets every key.
func TestKeyCacheTrustsAKeyForItsTTLOnly(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := newKeyCache()
	c.now = func() time.Time { return now }
	p := &principal{keyName: "ci"}
	c.put("hk_secret", p)

	got, ok := c.get("hk_secret")
	require.True(t, ok)
	require.Same(t, p, got)
	_, ok = c.get("hk_secreT")
	require.False(t, ok, "only the exact key")

	now = now.Add(keyCacheTTL)
	_, ok = c.get("hk_secret")
	require.True(t, ok, "trusted up to the TTL")
	now = now.Add(time.Nanosecond)
	_, ok = c.get("hk_secret")
	require.False(t, ok, "asked again after the TTL")

	c.put("hk_secret", p)
	c.forget()
	_, ok = c.get("hk_secret")
	require.False(t, ok, "a revocation anywhere forgets every key")

	require.LessOrEqual(t, keyCacheTTL, 2*time.Second, "README and SECURITY.md promise revocation within 2s")
}
