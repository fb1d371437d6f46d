package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/store/storetest"
)

// The generated data set: delivery g (0 <= g < n) is created at start + g
// seconds, with message type, channel, variant, status, reason and
// engagement chosen by arithmetic on g. genRow is the same arithmetic in
// Go, for the expected counts.
const generateSQL = `
	WITH n AS (
		INSERT INTO notifications (id, tenant_id, message_type, message_type_version, priority, recipient_ids, status, created_at)
		SELECT md5($1::uuid::text || 'n' || k)::uuid, $1::uuid, 'mt', 1, 'normal', '{}', 'processing', $3::timestamptz
		FROM generate_series(0, ($2 - 1) / 1000) k
	)
	INSERT INTO deliveries (id, tenant_id, notification_id, recipient_id, channel, status, reason, variant,
		message_type, message_type_version, priority, address, content, created_at, opened_at, clicked_at, complained_at)
	SELECT md5($1::uuid::text || 'd' || g)::uuid, $1::uuid, md5($1::uuid::text || 'n' || (g / 1000))::uuid, 'r' || g,
		(ARRAY['email', 'sms', 'push', 'in_app'])[g % 4 + 1],
		(ARRAY['sent', 'sent', 'sent', 'sent', 'delivered', 'delivered', 'bounced', 'failed', 'suppressed', 'queued'])[(g / 7) % 10 + 1],
		CASE (g / 7) % 10 WHEN 8 THEN (ARRAY['bounced', 'complained', 'opted_out'])[(g / 3) % 3 + 1]
			WHEN 6 THEN 'bounced' WHEN 7 THEN 'permanent' ELSE '' END,
		CASE WHEN (g / 4) % 2 = 0 THEN '' ELSE 'b' END,
		'mt' || (g % 3), 1, 'normal', 'r' || g || '@example.com',
		jsonb_build_object('subject', 'Your order ' || g || ' has shipped', 'body', 'Hi! Your order ' || g ||
			' is on its way and should arrive within three days. Track it from your account page.'),
		$3 + g * interval '1 second',
		CASE WHEN (g / 7) % 10 < 6 AND g % 5 = 0 THEN $3 + g * interval '1 second' END,
		CASE WHEN (g / 7) % 10 < 6 AND g % 15 = 0 THEN $3 + g * interval '1 second' END,
		CASE WHEN (g / 7) % 10 IN (4, 5) AND g % 50 = 0 THEN $3 + g * interval '1 second' END
	FROM generate_series(0, $2 - 1) g`

type genRow struct {
	mt      string
	channel store.Channel
	variant string
	status  string
	reason  string
	opened  bool
	clicked bool
	compl   bool
}

func gen(g int) genRow {
	s := (g / 7) % 10
	r := genRow{
		mt:      fmt.Sprint("mt", g%3),
		channel: []store.Channel{store.ChannelEmail, store.ChannelSMS, store.ChannelPush, store.ChannelInApp}[g%4],
		status:  []string{"sent", "sent", "sent", "sent", "delivered", "delivered", "bounced", "failed", "suppressed", "queued"}[s],
		opened:  s < 6 && g%5 == 0,
		clicked: s < 6 && g%15 == 0,
		compl:   (s == 4 || s == 5) && g%50 == 0,
	}
	if (g/4)%2 == 1 {
		r.variant = "b"
	}
	if s == 8 {
		r.reason = []string{"bounced", "complained", "opted_out"}[(g/3)%3]
	}
	return r
}

// generate fills the tenant's deliveries with the data set of n.
func generate(t testing.TB, st *store.Store, tenantID uuid.UUID, n int, start time.Time) {
	t.Helper()
	_, err := st.Pool().Exec(context.Background(), generateSQL, tenantID, n, start)
	require.NoError(t, err)
	_, err = st.Pool().Exec(context.Background(), `ANALYZE deliveries`)
	require.NoError(t, err)
}

// expected counts what Stats should return for deliveries g in [from, to)
// that keep says to.
func expected(from, to int, keep func(genRow) bool) map[string]*store.StatsRow {
	out := map[string]*store.StatsRow{}
	for g := from; g < to; g++ {
		r := gen(g)
		if !keep(r) {
			continue
		}
		k := r.mt + "/" + string(r.channel) + "/" + r.variant
		row := out[k]
		if row == nil {
			row = &store.StatsRow{MessageType: r.mt, Channel: r.channel, Variant: r.variant, Suppressed: map[string]int64{}}
			out[k] = row
		}
		row.Deliveries++
		switch r.status {
		case "sent":
			row.Sent++
		case "delivered":
			row.Sent++
			row.Delivered++
		case "bounced":
			row.Sent++
			row.Bounced++
		case "failed":
			row.Failed++
		case "suppressed":
			row.Suppressed[r.reason]++
		}
		if r.opened || r.clicked {
			row.Opened++
		}
		if r.clicked {
			row.Clicked++
		}
		if r.compl {
			row.Complained++
		}
	}
	return out
}

// TestStatsOnAGeneratedDataSet checks every count of every row against the
// data set's arithmetic, for a time range, and with each filter.
//
// It is not parallel: generating the data set is a transaction of half a
// second, and the event feed (EventFeed) stops short of the oldest running
// transaction of the whole server, which would hold back the feed tests.
func TestStatsOnAGeneratedDataSet(t *testing.T) {
	b := setup(t)
	other, err := b.st.CreateTenant(b.ctx, "other")
	require.NoError(t, err)
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	const n = 20000
	generate(t, b.st, b.tenant.ID, n, start)
	generate(t, b.st, other.ID, 500, start) // another tenant's, never counted

	at := func(g int) time.Time { return start.Add(time.Duration(g) * time.Second) }
	for _, c := range []struct {
		name     string
		p        store.StatsParams
		from, to int
		keep     func(genRow) bool
	}{
		{"everything", store.StatsParams{Start: at(0), End: at(n)}, 0, n, func(genRow) bool { return true }},
		{"a time range", store.StatsParams{Start: at(1234), End: at(15321)}, 1234, 15321, func(genRow) bool { return true }},
		{"one message type", store.StatsParams{Start: at(0), End: at(n), MessageType: "mt1"}, 0, n,
			func(r genRow) bool { return r.mt == "mt1" }},
		{"one channel", store.StatsParams{Start: at(0), End: at(n), Channel: store.ChannelSMS}, 0, n,
			func(r genRow) bool { return r.channel == store.ChannelSMS }},
		{"the default variant", store.StatsParams{Start: at(100), End: at(9000), VariantSet: true}, 100, 9000,
			func(r genRow) bool { return r.variant == "" }},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.p.TenantID = b.tenant.ID
			rows, err := b.st.Stats(b.ctx, c.p)
			require.NoError(t, err)
			want := expected(c.from, c.to, c.keep)
			require.Len(t, rows, len(want))
			for i, r := range rows {
				if i > 0 {
					prev := rows[i-1]
					require.Less(t, prev.MessageType+"/"+string(prev.Channel)+"/"+prev.Variant, r.MessageType+"/"+string(r.Channel)+"/"+r.Variant)
				}
				w := want[r.MessageType+"/"+string(r.Channel)+"/"+r.Variant]
				require.NotNil(t, w, "unexpected row %+v", r)
				require.Equal(t, w, r)
			}
		})
	}
}

// BenchmarkStats1M times GetStats' query over 1,000,000 deliveries of one
// tenant (12 days at one delivery a second, each with an address and a
// rendered subject and body, as real rows have), 24 rows of message type,
// channel and variant.
//
//	go test -run '^$' -bench Stats1M -benchtime 20x ./store/
func BenchmarkStats1M(b *testing.B) {
	ctx := context.Background()
	st := store.NewStore(storetest.NewPool(b))
	tenant, err := st.CreateTenant(ctx, "acme")
	require.NoError(b, err)
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	const n = 1_000_000
	began := time.Now()
	generate(b, st, tenant.ID, n, start)
	_, err = st.Pool().Exec(ctx, `VACUUM ANALYZE deliveries`)
	require.NoError(b, err)
	b.Logf("generated %d deliveries in %s", n, time.Since(began).Round(time.Millisecond))
	end := start.Add(n * time.Second)
	for _, c := range []struct {
		name string
		p    store.StatsParams
		rows int
	}{
		{"all-1M", store.StatsParams{Start: start, End: end}, 24},
		{"one-message-type", store.StatsParams{Start: start, End: end, MessageType: "mt2"}, 8},
		{"one-variant", store.StatsParams{Start: start, End: end, Variant: "b", VariantSet: true}, 12},
		{"last-day-86k", store.StatsParams{Start: end.Add(-24 * time.Hour), End: end}, 24},
	} {
		p := c.p
		p.TenantID = tenant.ID
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				rows, err := st.Stats(ctx, p)
				require.NoError(b, err)
				require.Len(b, rows, c.rows)
			}
		})
	}
}
