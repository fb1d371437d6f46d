package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ListenerApplicationName is the application_name of listeners'
// connections in pg_stat_activity.
const ListenerApplicationName = "herald listener"

// ListenerOptions configure NewListener. The zero value is fine.
type ListenerOptions struct {
	// Logger defaults to slog.Default().
	Logger *slog.Logger
	// MinBackoff and MaxBackoff bound the wait between reconnection
	// attempts, which doubles from one to the other. Defaults 100ms and 5s.
	MinBackoff, MaxBackoff time.Duration
	// Keepalive is how long the connection may stay silent before the
	// listener pings it, so a connection that died without a word is
	// noticed. Default 30s.
	Keepalive time.Duration
}

// Listener keeps one connection LISTENing on a Postgres channel and hands
// each notification to the subscribers of its payload, so a process needs
// one connection however many streams watch. It reconnects when the
// connection breaks (a Postgres restart, a failover) and then wakes every
// subscriber, since notifications sent meanwhile are lost.
//
// Delivery to subscribers never blocks: each has a one-slot signal that
// coalesces wake-ups, and subscribers re-read the state they watch when
// woken. A slow consumer therefore costs one pending signal, never memory
// or the other subscribers' latency.
type Listener struct {
	channel string
	connect func(context.Context) (*pgx.Conn, error)
	opts    ListenerOptions

	mu     sync.Mutex
	subs   map[string]map[*Subscription]struct{}
	count  int
	closed bool

	connected  atomic.Bool
	reconnects atomic.Int64
}

// Subscription receives the wake-ups of one payload.
type Subscription struct {
	l    *Listener
	key  string
	c    chan struct{}
	done chan struct{}
}

// NewListener returns a listener on channel using connections configured
// like pool's (it opens its own, outside the pool). Call Run to start it.
func NewListener(pool *pgxpool.Pool, channel string, opts *ListenerOptions) *Listener {
	var o ListenerOptions
	if opts != nil {
		o = *opts
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.MinBackoff <= 0 {
		o.MinBackoff = 100 * time.Millisecond
	}
	if o.MaxBackoff < o.MinBackoff {
		o.MaxBackoff = max(5*time.Second, o.MinBackoff)
	}
	if o.Keepalive <= 0 {
		o.Keepalive = 30 * time.Second
	}
	cfg := pool.Config().ConnConfig.Copy()
	// Named, so operators can tell it apart in pg_stat_activity.
	cfg.RuntimeParams["application_name"] = ListenerApplicationName
	return &Listener{
		channel: channel,
		connect: func(ctx context.Context) (*pgx.Conn, error) { return pgx.ConnectConfig(ctx, cfg.Copy()) },
		opts:    o,
		subs:    map[string]map[*Subscription]struct{}{},
	}
}

// Subscribe returns a subscription to notifications whose payload is key.
// Close it when done. After the listener stops, Done is closed at once.
func (l *Listener) Subscribe(key string) *Subscription {
	s := &Subscription{l: l, key: key, c: make(chan struct{}, 1), done: make(chan struct{})}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		close(s.done)
		return s
	}
	if l.subs[key] == nil {
		l.subs[key] = map[*Subscription]struct{}{}
	}
	l.subs[key][s] = struct{}{}
	l.count++
	return s
}

// C receives a value when something may have changed for the
// subscription's key; several changes may arrive as one.
func (s *Subscription) C() <-chan struct{} { return s.c }

// Done is closed when the listener stops; the subscription will not be
// woken again.
func (s *Subscription) Done() <-chan struct{} { return s.done }

// Close ends the subscription.
func (s *Subscription) Close() {
	s.l.mu.Lock()
	defer s.l.mu.Unlock()
	if subs := s.l.subs[s.key]; subs != nil {
		if _, ok := subs[s]; ok {
			delete(subs, s)
			s.l.count--
			if len(subs) == 0 {
				delete(s.l.subs, s.key)
			}
		}
	}
}

func (s *Subscription) wake() {
	select {
	case s.c <- struct{}{}:
	default: // a wake-up is already pending; it covers this one
	}
}

// Subscribers returns how many subscriptions are open.
func (l *Listener) Subscribers() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.count
}

// Connected reports whether the listener is listening right now.
func (l *Listener) Connected() bool { return l.connected.Load() }

// Reconnects returns how many times the listener lost its connection.
func (l *Listener) Reconnects() int64 { return l.reconnects.Load() }

// Run listens until ctx is done, reconnecting whenever the connection
// breaks, then closes every subscription's Done. It returns nil once
// stopped.
func (l *Listener) Run(ctx context.Context) error {
	defer l.stop()
	backoff := l.opts.MinBackoff
	for {
		start := time.Now()
		err := l.listen(ctx)
		if ctx.Err() != nil {
			return nil
		}
		l.reconnects.Add(1)
		if time.Since(start) > l.opts.MaxBackoff {
			backoff = l.opts.MinBackoff // it had been working: retry promptly
		}
		l.opts.Logger.WarnContext(ctx, "listener lost its database connection; reconnecting",
			"channel", l.channel, "error", err, "retry_in", backoff)
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, l.opts.MaxBackoff)
	}
}

// listen connects, LISTENs and dispatches until the connection fails or
// ctx is done.
func (l *Listener) listen(ctx context.Context) error {
	conn, err := l.connect(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer func() {
		l.connected.Store(false)
		closeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
		defer cancel()
		conn.Close(closeCtx) //nolint:errcheck // the connection is going away either way
	}()
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{l.channel}.Sanitize()); err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	l.connected.Store(true)
	// Notifications sent while nobody listened are lost: have every
	// subscriber look again.
	l.wakeAll()
	for {
		waitCtx, cancel := context.WithTimeout(ctx, l.opts.Keepalive)
		n, err := conn.WaitForNotification(waitCtx)
		cancel()
		switch {
		case err == nil:
			l.dispatch(n.Payload)
		case ctx.Err() != nil:
			return ctx.Err()
		case errors.Is(err, context.DeadlineExceeded):
			pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
			err := conn.Ping(pingCtx)
			cancel()
			if err != nil {
				return fmt.Errorf("keepalive: %w", err)
			}
		default:
			return fmt.Errorf("wait: %w", err)
		}
	}
}

func (l *Listener) dispatch(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for s := range l.subs[key] {
		s.wake()
	}
}

func (l *Listener) wakeAll() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, subs := range l.subs {
		for s := range subs {
			s.wake()
		}
	}
}

func (l *Listener) stop() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closed = true
	for _, subs := range l.subs {
		for s := range subs {
			close(s.done)
		}
	}
	l.subs = map[string]map[*Subscription]struct{}{}
	l.count = 0
}
