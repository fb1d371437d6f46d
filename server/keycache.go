package server

import (
	"crypto/sha256"
	"sync"
	"time"

	"github.com/heraldhq/herald/store"
)

// keyCacheTTL is how long an authenticated API key is trusted without
// asking the database again. Revocations are announced and forgotten at
// once; the TTL bounds trust when an announcement is lost.
const keyCacheTTL = 2 * time.Second

// keyCacheMax bounds the cache; past it, it starts over.
const keyCacheMax = 10_000

// keyCache remembers keys that authenticated, by their hash (never the key
// itself), for keyCacheTTL. Failures are not remembered, so guessing keys
// cannot fill it.
type keyCache struct {
	mu      sync.Mutex
	entries map[[32]byte]keyEntry
	now     func() time.Time
}

type keyEntry struct {
	p       *principal
	expires time.Time
}

func newKeyCache() *keyCache {
	return &keyCache{entries: make(map[[32]byte]keyEntry), now: time.Now}
}

func (c *keyCache) get(key string) (*principal, bool) {
	h := sha256.Sum256([]byte(key))
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[h]
	if !ok || c.now().After(e.expires) {
		return nil, false
	}
	return e.p, true
}

// forget drops every key, after a revocation anywhere.
func (c *keyCache) forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.entries)
}

// follow forgets every key whenever l announces a revocation (and when it
// reconnects, since announcements may have been missed), until l stops.
func (c *keyCache) follow(l *store.Listener) {
	sub := l.Subscribe(store.KeysRevoked)
	go func() {
		defer sub.Close()
		for {
			select {
			case <-sub.C():
				c.forget()
			case <-sub.Done():
				return
			}
		}
	}()
}

func (c *keyCache) put(key string, p *principal) {
	h := sha256.Sum256([]byte(key))
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= keyCacheMax {
		clear(c.entries)
	}
	c.entries[h] = keyEntry{p: p, expires: c.now().Add(keyCacheTTL)}
}
