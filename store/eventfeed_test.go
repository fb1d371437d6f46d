package store_test

import (
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/heraldhq/herald/store"
)

// TestEventFeedFollowsConcurrentWritersWithoutGapsOrRepeats pages the feed
// while writers commit events out of id order (a transaction that takes
// its ids first commits last): every event is read once, none is skipped.
func TestEventFeedFollowsConcurrentWritersWithoutGapsOrRepeats(t *testing.T) {
	t.Parallel()
	b := setup(t)

	n := newNotification(b.tenant.ID, "")
	_, err := b.st.InsertNotification(b.ctx, n)
	require.NoError(t, err)
	d := &store.Delivery{
		ID: uuid.Must(uuid.NewV7()), TenantID: b.tenant.ID, NotificationID: n.ID, RecipientID: "u1",
		Channel: store.ChannelWebhook, Status: store.DeliveryQueued, MessageType: "welcome", MessageTypeVersion: 1,
		Priority: store.PriorityNormal, Address: "https://example.com/hook", Content: &store.Content{Body: "hi"}, DueAt: time.Now(),
	}
	_, err = b.st.InsertDeliveries(b.ctx, []*store.Delivery{d})
	require.NoError(t, err)

	other, err := b.st.CreateTenant(b.ctx, "other")
	require.NoError(t, err)

	const writers, perWriter = 6, 25
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range perWriter {
				err := b.st.InTx(b.ctx, func(tx pgx.Tx) error {
					ev := store.Event{TenantID: b.tenant.ID, NotificationID: n.ID, DeliveryID: d.ID, Type: store.EventAttempt,
						Status: store.DeliverySending, Attempt: w*perWriter + i + 1}
					if err := store.New(tx).InsertEvents(b.ctx, []store.Event{ev}); err != nil {
						return err
					}
					// Hold the transaction open a while after its id is taken.
					time.Sleep(time.Duration(rand.IntN(3000)) * time.Microsecond)
					return nil
				})
				require.NoError(t, err)
			}
		})
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()

	seen := map[int]int{}
	var cursor store.FeedCursor
	read := func() int {
		page, err := b.st.EventFeed(b.ctx, b.tenant.ID, cursor, 7)
		require.NoError(t, err)
		for _, e := range page {
			require.Equal(t, "u1", e.RecipientID)
			require.Equal(t, store.ChannelWebhook, e.Channel)
			seen[e.Attempt]++
			cursor = e.Cursor
		}
		return len(page)
	}
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
			read()
		}
	}
	// Transactions elsewhere on the server (other tests' databases) hold
	// the feed back while they run: the last events show up once they end.
	require.Eventually(t, func() bool {
		for read() > 0 {
		}
		return len(seen) == writers*perWriter
	}, 10*time.Second, 10*time.Millisecond, "every committed event shows up in the feed")

	require.Len(t, seen, writers*perWriter, "every committed event is in the feed")
	for attempt, times := range seen {
		require.Equal(t, 1, times, "event %d read once", attempt)
	}
	page, err := b.st.EventFeed(b.ctx, other.ID, store.FeedCursor{}, 100)
	require.NoError(t, err)
	require.Empty(t, page, "another tenant's feed is its own")
}
