//go:build faults

package faults

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"maps"
	"net/http"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/protobuf/types/known/structpb"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
	"github.com/heraldhq/herald/gen/herald/v1/heraldv1connect"
)

// What the suite runs Herald with, and what follows from it.
const (
	providerTimeout = 2 * time.Second
	// claimHold is how long a delivery worker's claim lasts: the provider
	// timeout plus jobs' claimMargin (15s).
	claimHold = providerTimeout + 15*time.Second
	// window is how long notifications are sent for; the faults happen
	// inside it.
	window     = 30 * time.Second
	recipients = 20
	// outage is how long Postgres stays down.
	outage = 5 * time.Second
	// answerBound bounds how long the API may take to answer during the
	// outage: a guard against hanging, not a performance figure.
	answerBound = 5 * time.Second
	// settleBound bounds the wait for every delivery to be final. Stuck
	// jobs come back after River's RescueStuckJobsAfter (2 x provider
	// timeout + 1 min) plus up to one rescuer interval (30s).
	settleBound = 4 * time.Minute
)

// TestFaults sends FAULTS_N notifications (default 3000) over 30 seconds
// through an API process and two worker processes while it kills a worker
// mid-delivery, stops another with SIGTERM (it must exit cleanly), stops
// Postgres for five seconds and walks the webhook
// receiver through hanging, 5xx, 429 and dropped connections. Then it
// checks that every accepted notification was delivered and that repeats
// stay within the bound at-least-once allows.
//
// The bound: a delivery is sent again only when a provider call was made
// and its outcome was not recorded. That happens to deliveries claimed
// (mid-call or mid-write) when a worker dies, to those a graceful stop
// had to cancel at its deadline (at most those claimed at the SIGTERM), to
// deliveries claimed when Postgres stops (the outcome cannot be written),
// and to calls the receiver accepted but answered after Herald's provider
// timeout. So duplicates <= claims held right after the kill + claims at
// the SIGTERM + claims taken before the Postgres stop and still held after
// the restart + late answers, and no delivery is accepted more than 1 + 3
// times (one per fault).
func TestFaults(t *testing.T) {
	n := 3000
	if v := os.Getenv("FAULTS_N"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 100 {
			t.Fatalf("FAULTS_N=%q: want a number >= 100", v)
		}
	}
	ctx := context.Background()
	dir := t.TempDir()
	bin := buildHerald(t, dir)
	pg := startCluster(t)
	dbURL := pg.url("herald")

	recv := newReceiver(providerTimeout - 200*time.Millisecond)
	t.Cleanup(recv.close)
	key := randomKey()
	ps := &processes{t: t, bin: bin, dir: dir, env: map[string]string{
		"HERALD_DATABASE_URL":          dbURL,
		"HERALD_BOOTSTRAP_API_KEY":     key,
		"HERALD_WEBHOOK_ALLOW_PRIVATE": "true",
		"HERALD_DB_MAX_CONNS":          "10",
		"HERALD_RETRY_BASE_DELAY":      "50ms",
		"HERALD_RETRY_MAX_DELAY":       "1s",
		"HERALD_PROVIDER_TIMEOUT":      providerTimeout.String(),
		"HERALD_MAX_ATTEMPTS":          "25",
		"HERALD_BREAKER_COOLDOWN":      "1s",
		"HERALD_FETCH_POLL_INTERVAL":   "200ms",
		"HERALD_SHUTDOWN_TIMEOUT":      "5s",
		"HERALD_LOG_LEVEL":             "warn",
	}}
	t.Cleanup(ps.stopAll)
	t.Cleanup(func() {
		if t.Failed() {
			for _, p := range ps.all {
				t.Log(p.tail(30))
			}
		}
	})
	api := ps.start("api", "api", nil)
	noMigrate := map[string]string{"HERALD_AUTO_MIGRATE": "false"}
	workers := []*process{ps.start("worker-1", "worker", noMigrate), ps.start("worker-2", "worker", noMigrate)}

	poolCfg, err := pgxpool.ParseConfig(dbURL)
	must(t, err)
	poolCfg.MaxConns = 4
	pool, err := pgxpool.NewWithConfig(ctx, poolCfg)
	must(t, err)
	t.Cleanup(pool.Close)
	var secret []byte
	must(t, pool.QueryRow(ctx, `SELECT signing_secret FROM tenants WHERE name = 'default'`).Scan(&secret))
	recv.setSecret(secret)

	h := newClients("http://"+api.addr, key)
	_, err = h.messageTypes.UpsertMessageType(ctx, connect.NewRequest(&heraldv1.UpsertMessageTypeRequest{
		MessageType: &heraldv1.MessageType{
			Key: "fault.ping", Category: "transactional", Priority: heraldv1.Priority_PRIORITY_NORMAL,
			Channels:    []heraldv1.Channel{heraldv1.Channel_CHANNEL_WEBHOOK},
			Templates:   &heraldv1.Templates{Webhook: &heraldv1.WebhookTemplate{Body: "ping {{.i}}"}},
			MaxAttempts: 25,
		},
	}))
	must(t, err)
	for i := range recipients {
		_, err := h.recipients.UpsertRecipient(ctx, connect.NewRequest(&heraldv1.UpsertRecipientRequest{
			Recipient: &heraldv1.Recipient{Id: fmt.Sprintf("r%d", i), WebhookUrl: recv.url()},
		}))
		must(t, err)
	}

	// Send, and break things meanwhile.
	start := time.Now()
	var sending sync.WaitGroup
	sending.Go(func() {
		sem := make(chan struct{}, 32)
		var wg sync.WaitGroup
		for i := range n {
			time.Sleep(time.Until(start.Add(window * time.Duration(i) / time.Duration(n))))
			sem <- struct{}{}
			wg.Go(func() {
				defer func() { <-sem }()
				h.send(ctx, fmt.Sprintf("n-%d", i), fmt.Sprintf("r%d", i%recipients), i)
			})
		}
		wg.Wait()
	})
	at := func(d time.Duration) { time.Sleep(time.Until(start.Add(d))) }

	at(2 * time.Second)
	kill := killMidDelivery(t, recv, pool, workers)
	workers = append(workers, ps.start("worker-3", "worker", noMigrate)) // the replacement
	t.Logf("t=%s killed %s (pid %d) with %d accepted deliveries awaiting its answer; %d claims held right after",
		since(start), kill.victim.name, kill.victim.pid(), len(kill.orphaned), kill.claims)

	at(5 * time.Second)
	for _, step := range []struct {
		m mode
		d time.Duration
	}{{mode5xx, 2 * time.Second}, {mode429, 2 * time.Second}, {modeDrop, 2 * time.Second}, {modeHang, 3 * time.Second}} {
		recv.setMode(step.m)
		t.Logf("t=%s receiver %s for %s", since(start), step.m, step.d)
		time.Sleep(step.d)
	}
	recv.setMode(modeOK)

	// A graceful stop mid-load: SIGTERM lets running jobs finish within
	// HERALD_SHUTDOWN_TIMEOUT and hands back the rest.
	at(16 * time.Second)
	term := stopGracefully(t, pool, workers, kill.victim)
	workers = append(workers, ps.start("worker-4", "worker", noMigrate))
	t.Logf("t=%s SIGTERM %s: exited in %s (status %v); %d claims held at the signal",
		since(start), term.victim.name, term.took.Round(time.Millisecond), term.victim.err, term.claims)

	at(20 * time.Second)
	out := postgresOutage(t, pg, pool, recv, h)
	t.Logf("t=%s Postgres was down for %s; %d claims taken before the stop were still held after the restart; "+
		"Sends succeeded again %s after the restart", since(start), out.down.Round(time.Millisecond), out.claims,
		out.recovered.Round(time.Millisecond))

	sending.Wait()
	t.Logf("t=%s sent", since(start))

	// Sends that failed are tried again with their idempotency key: one
	// that did commit answers duplicate with its notification.
	retried, committedAnyway := h.retryFailed(t, ctx)

	settled := waitSettled(t, pool, start)
	t.Logf("t=%s every delivery is final", since(start))

	// Checks.
	accepted := h.acceptedByKey()
	rows, err := pool.Query(ctx, `
		SELECT n.idempotency_key, n.id::text, coalesce(d.id::text, ''), coalesce(d.status, ''), coalesce(d.reason, ''),
			coalesce(d.last_error, ''), coalesce(d.attempts, 0)
		FROM notifications n LEFT JOIN deliveries d ON d.notification_id = n.id`)
	must(t, err)
	type dbDelivery struct {
		notification, id, status, reason, lastError string
		attempts                                    int
	}
	byKey := map[string]dbDelivery{}
	for rows.Next() {
		var k string
		var d dbDelivery
		must(t, rows.Scan(&k, &d.notification, &d.id, &d.status, &d.reason, &d.lastError, &d.attempts))
		if _, dup := byKey[k]; dup {
			t.Errorf("notification %s has more than one delivery", d.notification)
		}
		byKey[k] = d
	}
	must(t, rows.Err())

	counts := recv.counts()
	var lost []string
	delivered := 0
	for k, id := range accepted {
		d, ok := byKey[k]
		switch {
		case !ok:
			lost = append(lost, fmt.Sprintf("%s: Send answered %s but no such notification", k, id))
		case d.notification != id:
			lost = append(lost, fmt.Sprintf("%s: Send answered %s but the key belongs to %s", k, id, d.notification))
		case d.status != "sent":
			lost = append(lost, fmt.Sprintf("%s: delivery %s ended %s (%s: %s) after %d attempts", k, d.id, d.status, d.reason, d.lastError, d.attempts))
		case counts.accepted[d.id] == 0:
			lost = append(lost, fmt.Sprintf("%s: delivery %s is sent but the receiver never accepted it", k, d.id))
		default:
			delivered++
		}
	}
	for k, d := range byKey {
		if _, ok := accepted[k]; !ok {
			t.Errorf("notification %s (key %s) exists though no Send of it succeeded", d.notification, k)
		}
	}
	known := map[string]bool{}
	for _, d := range byKey {
		known[d.id] = true
	}
	for id := range counts.accepted {
		if !known[id] {
			t.Errorf("the receiver accepted delivery %s, which Herald does not have", id)
		}
	}
	sort.Strings(lost)
	if len(lost) > 0 {
		t.Errorf("%d accepted notifications were lost, e.g.:\n%s", len(lost), strings.Join(lost[:min(len(lost), 10)], "\n"))
	}
	// Every delivery the killed worker was waiting on was sent again once
	// River rescued its job.
	for _, id := range kill.orphaned {
		if counts.accepted[id] < 2 {
			t.Errorf("delivery %s was mid-call in the killed worker and never sent again (accepted %d times)", id, counts.accepted[id])
		}
	}
	bound := kill.claims + term.claims + out.claims + counts.late
	if counts.duplicates > bound {
		t.Errorf("the receiver got %d repeats, more than the %d at-least-once allows", counts.duplicates, bound)
	}
	if counts.maxPerID > 4 {
		t.Errorf("a delivery was accepted %d times, more than 1 + one per fault (3)", counts.maxPerID)
	}
	if counts.badSigs > 0 || counts.noKey > 0 {
		t.Errorf("%d requests with a bad signature, %d without an Idempotency-Key", counts.badSigs, counts.noKey)
	}
	var rescued int
	var running string
	must(t, pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE errors::text LIKE '%Stuck job rescued%'),
		coalesce(string_agg(kind, ',') FILTER (WHERE state = 'running'), 'none') FROM river_job`).Scan(&rescued, &running))
	if rescued == 0 {
		t.Errorf("no River job was rescued, though a worker died mid-delivery")
	}
	h.checkThroughAPI(t, ctx, accepted)
	for _, w := range workers {
		if w != kill.victim && w != term.victim && !w.alive() {
			t.Errorf("%s exited: %v", w.name, w.err)
		}
	}
	if !api.alive() {
		t.Errorf("the API process exited: %v", api.err)
	}

	sum := h.summary()
	report := []string{
		fmt.Sprintf("faults: accepted=%d delivered=%d lost=%d duplicates=%d bound=%d (claims at the kill %d + at SIGTERM %d + at the Postgres stop %d + late answers %d) max_per_delivery=%d",
			len(accepted), delivered, len(lost), counts.duplicates, bound, kill.claims, term.claims, out.claims, counts.late, counts.maxPerID),
		fmt.Sprintf("faults: sends=%d first_try_ok=%d unavailable=%d (retried: %d new, %d had committed) other_errors=%d; slowest failed Send %s",
			sum.attempts, sum.firstOK, sum.unavailable, retried, committedAnyway, sum.other, sum.slowestFailure.Round(time.Millisecond)),
		fmt.Sprintf("faults: kill -9 %s with %d deliveries mid-call (all sent again after the rescue); rescued River jobs=%d; jobs still marked running (rescued later; their deliveries are final): %s",
			kill.victim.name, len(kill.orphaned), rescued, running),
		fmt.Sprintf("faults: Postgres down %s: Sends answered %s in %s; recovered %s after the restart",
			out.down.Round(time.Millisecond), strings.Join(out.codes, ","), strings.Join(out.latencies, ","), out.recovered.Round(time.Millisecond)),
		fmt.Sprintf("faults: receiver %s; settled %s after the first Send", counts, settled.Round(time.Second)),
	}
	for _, l := range report {
		fmt.Println(l)
	}
	if sum.other > 0 {
		t.Errorf("%d Sends failed with something else than Unavailable: %s", sum.other, sum.otherExample)
	}
}

type killResult struct {
	victim *process
	// orphaned are deliveries the receiver accepted whose answer the
	// victim was waiting for when it died.
	orphaned []string
	// claims are the deliveries claimed right after the kill (the victim's
	// and whatever the others had in hand).
	claims int
}

// killMidDelivery slows the receiver down so that deliveries are mid-call,
// finds a worker with accepted calls awaiting their answer, and kills it.
func killMidDelivery(t *testing.T, recv *receiver, pool *pgxpool.Pool, workers []*process) killResult {
	t.Helper()
	recv.setMode(modeSlow)
	defer recv.setMode(modeOK)
	pids := make([]int, len(workers))
	for i, w := range workers {
		pids[i] = w.pid()
	}
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		inflight := recv.inflightByPID(pids)
		for _, w := range workers {
			ids := inflight[w.pid()]
			if len(ids) < 3 {
				continue
			}
			w.kill()
			// Still unanswered after the kill: the victim never had their
			// answer, so it cannot have recorded them.
			still := recv.inflightIDs()
			var orphaned []string
			for _, id := range ids {
				if still[id] {
					orphaned = append(orphaned, id)
				}
			}
			claims := heldClaims(t, pool)
			if len(orphaned) == 0 {
				t.Fatalf("killed %s but none of its calls was still unanswered", w.name)
			}
			return killResult{victim: w, orphaned: orphaned, claims: claims}
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatalf("no worker had three deliveries mid-call within 15s")
	return killResult{}
}

// heldClaims counts the deliveries a worker has claimed and not yet
// recorded.
func heldClaims(t *testing.T, pool *pgxpool.Pool) int {
	t.Helper()
	var n int
	must(t, pool.QueryRow(context.Background(), `SELECT count(*) FROM deliveries WHERE in_flight_until > now()`).Scan(&n))
	return n
}

type termResult struct {
	victim *process
	took   time.Duration
	// claims are the deliveries claimed when the signal went: a job the
	// stop had to cancel may repeat its call.
	claims int
}

// stopGracefully sends SIGTERM to a live worker other than skip and waits
// for it to exit: it must exit cleanly within its shutdown timeout (5s)
// plus River's hard stop (10s).
func stopGracefully(t *testing.T, pool *pgxpool.Pool, workers []*process, skip *process) termResult {
	t.Helper()
	for _, w := range workers {
		if w == skip || !w.alive() {
			continue
		}
		claims := heldClaims(t, pool)
		begin := time.Now()
		w.stop(20 * time.Second)
		took := time.Since(begin)
		if w.err != nil {
			t.Errorf("%s did not exit cleanly on SIGTERM: %v\n%s", w.name, w.err, w.tail(20))
		}
		return termResult{victim: w, took: took, claims: claims}
	}
	t.Fatalf("no live worker to stop")
	return termResult{}
}

type outageResult struct {
	down      time.Duration
	claims    int
	codes     []string
	latencies []string
	recovered time.Duration
}

// postgresOutage stops Postgres (fast: it closes every connection) while
// deliveries are mid-call, checks that the API answers Unavailable in
// bounded time, starts Postgres again after the outage and waits for Sends
// to succeed again.
func postgresOutage(t *testing.T, pg *cluster, pool *pgxpool.Pool, recv *receiver, h *clients) outageResult {
	t.Helper()
	ctx := context.Background()
	recv.setMode(modeSlow)
	time.Sleep(slowDelay + 100*time.Millisecond)
	var stopAt time.Time
	must(t, pool.QueryRow(ctx, `SELECT now()`).Scan(&stopAt))
	pg.stop("fast")
	stopped := time.Now()
	recv.setMode(modeOK)

	var res outageResult
	probe := func(i int) {
		start := time.Now()
		err := h.probe(ctx, fmt.Sprintf("probe-%d", i))
		took := time.Since(start)
		res.codes = append(res.codes, connect.CodeOf(err).String())
		res.latencies = append(res.latencies, took.Round(time.Millisecond).String())
		if connect.CodeOf(err) != connect.CodeUnavailable {
			t.Errorf("a Send during the outage answered %v, want unavailable", err)
		}
		if took > answerBound {
			t.Errorf("a Send during the outage took %s to answer", took)
		}
	}
	probe(0)
	// Past the API key cache's TTL (2s), authentication asks Postgres too.
	time.Sleep(2500 * time.Millisecond)
	probe(1)
	start := time.Now()
	_, err := h.notifications.GetNotification(ctx, connect.NewRequest(&heraldv1.GetNotificationRequest{NotificationId: "0190b3a4-0000-7000-8000-000000000000"}))
	if connect.CodeOf(err) != connect.CodeUnavailable || time.Since(start) > answerBound {
		t.Errorf("GetNotification during the outage answered %v after %s, want unavailable", err, time.Since(start))
	}

	time.Sleep(time.Until(stopped.Add(outage)))
	pg.start()
	restarted := time.Now()
	res.down = restarted.Sub(stopped)
	// Claims taken before the stop and still held: their outcome was not
	// recorded, so they may be sent again. Claims taken after the restart
	// end later than stopAt + claimHold + the outage.
	must(t, retryQuery(ctx, pool, `SELECT count(*) FROM deliveries WHERE in_flight_until > $1 AND in_flight_until <= $2`,
		[]any{stopAt, stopAt.Add(claimHold + time.Second)}, &res.claims))

	for i := 0; ; i++ {
		sendCtx, cancel := context.WithTimeout(ctx, answerBound)
		ok := h.send(sendCtx, fmt.Sprintf("recover-%d", i), "r0", -1)
		cancel()
		if ok {
			break
		}
		if time.Since(restarted) > 30*time.Second {
			t.Fatalf("Sends still fail 30s after Postgres came back")
		}
		time.Sleep(100 * time.Millisecond)
	}
	res.recovered = time.Since(restarted)
	return res
}

// retryQuery runs a one-row query until it succeeds (the pool's
// connections died with Postgres) or ten tries have failed.
func retryQuery(ctx context.Context, pool *pgxpool.Pool, sql string, args []any, dest ...any) error {
	var err error
	for range 10 {
		if err = pool.QueryRow(ctx, sql, args...).Scan(dest...); err == nil {
			return nil
		}
		time.Sleep(200 * time.Millisecond)
	}
	return err
}

// waitSettled waits until every notification has its delivery and none
// is pending.
func waitSettled(t *testing.T, pool *pgxpool.Pool, start time.Time) time.Duration {
	t.Helper()
	ctx := context.Background()
	deadline := time.Now().Add(settleBound)
	lastLog := time.Now()
	for {
		var notes, dels, pending int
		err := pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM notifications), (SELECT count(*) FROM deliveries),
			(SELECT count(*) FROM deliveries WHERE status IN ('queued', 'scheduled', 'sending'))`).Scan(&notes, &dels, &pending)
		if err == nil && pending == 0 && dels == notes {
			return time.Since(start)
		}
		if time.Now().After(deadline) {
			var states []string
			rows, _ := pool.Query(ctx, `SELECT state || ' ' || kind || ': ' || count(*) FROM river_job
				WHERE state NOT IN ('completed') GROUP BY state, kind`)
			for rows.Next() {
				var s string
				_ = rows.Scan(&s)
				states = append(states, s)
			}
			t.Fatalf("not settled after %s: %d notifications, %d deliveries, %d pending (%v); River jobs: %s",
				settleBound, notes, dels, pending, err, strings.Join(states, "; "))
		}
		if time.Since(lastLog) > 10*time.Second {
			t.Logf("t=%s waiting: %d notifications, %d deliveries, %d pending", since(start), notes, dels, pending)
			lastLog = time.Now()
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// clients calls the API and keeps what every Send answered.
type clients struct {
	notifications heraldv1connect.NotificationServiceClient
	recipients    heraldv1connect.RecipientServiceClient
	messageTypes  heraldv1connect.MessageTypeServiceClient

	mu       sync.Mutex
	requests map[string]*heraldv1.SendRequest // by idempotency key
	accepted map[string]string                // idempotency key -> notification id
	failed   map[string]error                 // idempotency key -> last error
	sum      sendSummary
}

type sendSummary struct {
	attempts, firstOK, unavailable, other int
	otherExample                          string
	slowestFailure                        time.Duration
}

func newClients(url, key string) *clients {
	transport := &http.Transport{MaxIdleConnsPerHost: 64}
	hc := &http.Client{Transport: transport}
	opts := connect.WithInterceptors(connect.UnaryInterceptorFunc(func(next connect.UnaryFunc) connect.UnaryFunc {
		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			req.Header().Set("Authorization", "Bearer "+key)
			return next(ctx, req)
		}
	}))
	return &clients{
		notifications: heraldv1connect.NewNotificationServiceClient(hc, url, opts),
		recipients:    heraldv1connect.NewRecipientServiceClient(hc, url, opts),
		messageTypes:  heraldv1connect.NewMessageTypeServiceClient(hc, url, opts),
		requests:      map[string]*heraldv1.SendRequest{}, accepted: map[string]string{}, failed: map[string]error{},
	}
}

// send sends notification i to recipient under key and records the
// answer; it reports whether the Send succeeded.
func (c *clients) send(ctx context.Context, key, recipient string, i int) bool {
	data, _ := structpb.NewStruct(map[string]any{"i": i})
	req := &heraldv1.SendRequest{MessageType: "fault.ping", RecipientIds: []string{recipient}, Data: data, IdempotencyKey: key}
	c.mu.Lock()
	c.requests[key] = req
	c.mu.Unlock()
	return c.do(ctx, req, true) == nil
}

// probe sends a notification during the outage and returns the error.
func (c *clients) probe(ctx context.Context, key string) error {
	ctx, cancel := context.WithTimeout(ctx, 3*answerBound)
	defer cancel()
	data, _ := structpb.NewStruct(map[string]any{"i": -1})
	req := &heraldv1.SendRequest{MessageType: "fault.ping", RecipientIds: []string{"r0"}, Data: data, IdempotencyKey: key}
	c.mu.Lock()
	c.requests[key] = req
	c.mu.Unlock()
	return c.do(ctx, req, true)
}

func (c *clients) do(ctx context.Context, req *heraldv1.SendRequest, first bool) error {
	ctx, cancel := context.WithTimeout(ctx, 3*answerBound)
	defer cancel()
	start := time.Now()
	resp, err := c.notifications.Send(ctx, connect.NewRequest(req))
	took := time.Since(start)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sum.attempts++
	key := req.GetIdempotencyKey()
	if err != nil {
		c.failed[key] = err
		c.sum.slowestFailure = max(c.sum.slowestFailure, took)
		if connect.CodeOf(err) == connect.CodeUnavailable {
			c.sum.unavailable++
		} else {
			c.sum.other++
			c.sum.otherExample = err.Error()
		}
		return err
	}
	delete(c.failed, key)
	if first {
		c.sum.firstOK++
	}
	c.accepted[key] = resp.Msg.GetNotificationId()
	return nil
}

// retryFailed sends every failed Send again with its idempotency key. It
// returns how many were accepted anew and how many answered duplicate
// (they had committed though the first answer was an error).
func (c *clients) retryFailed(t *testing.T, ctx context.Context) (fresh, committed int) {
	t.Helper()
	c.mu.Lock()
	var keys []string
	for k := range c.failed {
		keys = append(keys, k)
	}
	c.mu.Unlock()
	slices.Sort(keys)
	for _, k := range keys {
		c.mu.Lock()
		req := c.requests[k]
		c.mu.Unlock()
		resp, err := c.notifications.Send(ctx, connect.NewRequest(req))
		if err != nil {
			t.Fatalf("Send %s again after the outage: %v", k, err)
		}
		c.mu.Lock()
		delete(c.failed, k)
		c.accepted[k] = resp.Msg.GetNotificationId()
		c.mu.Unlock()
		if resp.Msg.GetDuplicate() {
			committed++
		} else {
			fresh++
		}
	}
	return fresh, committed
}

func (c *clients) acceptedByKey() map[string]string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return maps.Clone(c.accepted)
}

func (c *clients) summary() sendSummary {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.sum
}

// checkThroughAPI asks GetNotification about every accepted notification,
// as a client would: completed, its delivery sent.
func (c *clients) checkThroughAPI(t *testing.T, ctx context.Context, accepted map[string]string) {
	t.Helper()
	ids := make(chan string)
	var mu sync.Mutex
	var bad []string
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for id := range ids {
				resp, err := c.notifications.GetNotification(ctx, connect.NewRequest(&heraldv1.GetNotificationRequest{NotificationId: id}))
				var problem string
				switch {
				case err != nil:
					problem = err.Error()
				case resp.Msg.GetNotification().GetStatus() != heraldv1.NotificationStatus_NOTIFICATION_STATUS_COMPLETED:
					problem = resp.Msg.GetNotification().GetStatus().String()
				case len(resp.Msg.GetNotification().GetDeliveries()) != 1 ||
					resp.Msg.GetNotification().GetDeliveries()[0].GetStatus() != heraldv1.DeliveryStatus_DELIVERY_STATUS_SENT:
					problem = fmt.Sprint(resp.Msg.GetNotification().GetDeliveries())
				default:
					continue
				}
				mu.Lock()
				bad = append(bad, id+": "+problem)
				mu.Unlock()
			}
		})
	}
	for _, id := range accepted {
		ids <- id
	}
	close(ids)
	wg.Wait()
	if len(bad) > 0 {
		t.Errorf("GetNotification: %d accepted notifications are not completed and sent, e.g. %s", len(bad), bad[0])
	}
}

func (r *receiver) inflightIDs() map[string]bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make(map[string]bool, len(r.inflight))
	for id := range r.inflight {
		out[id] = true
	}
	return out
}

func randomKey() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return "faults_" + hex.EncodeToString(b)
}

func since(start time.Time) time.Duration { return time.Since(start).Round(100 * time.Millisecond) }

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
