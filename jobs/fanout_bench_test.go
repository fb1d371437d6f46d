package jobs_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/heraldhq/herald/jobs"
	"github.com/heraldhq/herald/pipeline"
	"github.com/heraldhq/herald/render"
	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/store/storetest"
)

// BenchmarkFanoutTx writes one 500-recipient fan-out chunk per iteration,
// as the fan-out worker does: pipeline, deliveries, decision log and
// deliver jobs in one transaction.
func BenchmarkFanoutTx(b *testing.B) {
	ctx := context.Background()
	pool := storetest.NewPool(b)
	st := store.NewStore(pool)
	tenant, err := st.CreateTenant(ctx, "bench")
	if err != nil {
		b.Fatal(err)
	}
	mt, err := st.UpsertMessageType(ctx, tenant.ID, "bench", store.MessageTypeSpec{
		Category: "bench", Priority: store.PriorityNormal, Channels: []store.Channel{store.ChannelWebhook},
		Templates: store.Templates{Webhook: &store.WebhookTemplate{Body: "order {{.order}} for {{.recipient.id}}"}},
	})
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]string, 500)
	for i := range ids {
		ids[i] = fmt.Sprint("u", i)
	}
	if _, err := pool.Exec(ctx, `INSERT INTO recipients (tenant_id, id, webhook_url) SELECT $1, id, 'https://example.com/hook' FROM unnest($2::text[]) id`,
		tenant.ID, ids); err != nil {
		b.Fatal(err)
	}
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{})
	if err != nil {
		b.Fatal(err)
	}
	j := jobs.New(&jobs.Options{Store: st, Pipeline: pipeline.Default(render.New(), nil)})

	b.ReportAllocs()
	for b.Loop() {
		n := &store.Notification{ID: uuid.Must(uuid.NewV7()), TenantID: tenant.ID, MessageType: mt.Key, MessageTypeVersion: mt.Version,
			Priority: store.PriorityNormal, RecipientIDs: ids, Data: json.RawMessage(`{"order":"A-17"}`), Status: store.NotificationAccepted,
			CreatedAt: time.Now()}
		err := st.InTx(ctx, func(tx pgx.Tx) error {
			if _, err := store.New(tx).InsertNotifications(ctx, []*store.Notification{n}, nil, false); err != nil {
				return err
			}
			return j.FanoutTx(ctx, tx, client, []jobs.FanoutItem{{Notification: n, MessageType: mt, RecipientIDs: ids}})
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(ids))/b.Elapsed().Seconds(), "recipients/s")
}
