package app_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"connectrpc.com/connect"
	"github.com/stretchr/testify/require"

	heraldv1 "github.com/heraldhq/herald/gen/herald/v1"
)

// BenchmarkInboxStreamLatency measures notification-to-stream latency: from
// calling Send to the item arriving on a WatchInbox stream, through the
// whole path (accept, fan-out job, deliver job writing the inbox row and
// NOTIFY, the process's listener, the stream), and from the inbox row's
// write to the stream alone. One watcher: each iteration
// is one notification. 200 watchers: each iteration is one notification to
// 200 recipients, each watching their inbox; latency is per recipient.
//
//	go test -run '^$' -bench InboxStreamLatency -benchtime 200x ./cmd/herald/internal/app/
func BenchmarkInboxStreamLatency(b *testing.B) {
	for _, watchers := range []int{1, 200} {
		b.Run(fmt.Sprintf("watchers=%d", watchers), func(b *testing.B) {
			benchStreamLatency(b, watchers)
		})
	}
}

func benchStreamLatency(b *testing.B, watchers int) {
	tb := setupWith(b, testConfig(b, map[string]string{"HERALD_DB_MAX_CONNS": "32"}))
	recipients := make([]string, watchers)
	for i := range recipients {
		recipients[i] = fmt.Sprintf("user-%d", i)
	}
	tb.inApp(b, recipients...)

	type arrival struct {
		notification string
		written, at  time.Time
	}
	arrivals := make(chan arrival, watchers*16)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var ready sync.WaitGroup
	for _, r := range recipients {
		stream, err := inboxClient(tb.app.URL(), tb.inboxToken(b, r, time.Hour)).WatchInbox(ctx, connect.NewRequest(&heraldv1.WatchInboxRequest{}))
		require.NoError(b, err)
		ready.Add(1)
		go func() {
			defer stream.Close()
			first := true
			for stream.Receive() {
				if first {
					first = false
					ready.Done()
					continue
				}
				if it := stream.Msg().GetItem(); it != nil {
					arrivals <- arrival{it.GetNotificationId(), it.GetCreateTime().AsTime(), time.Now()}
				}
			}
		}()
	}
	ready.Wait()

	var latencies, fromWrite []time.Duration
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		res := tb.send(b, &heraldv1.SendRequest{MessageType: "ping", RecipientIds: recipients, Data: data(b, map[string]any{"order": i})})
		for range watchers {
			select {
			case a := <-arrivals:
				require.Equal(b, res.GetNotificationId(), a.notification)
				latencies = append(latencies, a.at.Sub(start))
				fromWrite = append(fromWrite, a.at.Sub(a.written))
			case <-time.After(30 * time.Second):
				b.Fatalf("iteration %d: an item did not arrive", i)
			}
		}
	}
	b.StopTimer()
	pct := func(ds []time.Duration, p float64) float64 {
		slices.Sort(ds)
		return float64(ds[int(p*float64(len(ds)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(latencies, 0.5), "p50-ms")
	b.ReportMetric(pct(latencies, 0.99), "p99-ms")
	b.ReportMetric(pct(latencies, 1), "max-ms")
	// From the delivery's transaction writing the inbox row (its start:
	// the row's create time) to the stream: NOTIFY, listener, stream.
	b.ReportMetric(pct(fromWrite, 0.5), "write-to-stream-p50-ms")
	b.ReportMetric(pct(fromWrite, 0.99), "write-to-stream-p99-ms")
}
