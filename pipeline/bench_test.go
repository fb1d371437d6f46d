package pipeline_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/heraldhq/herald/pipeline"
	"github.com/heraldhq/herald/render"
	"github.com/heraldhq/herald/store"
	"github.com/heraldhq/herald/store/storetest"
)

func BenchmarkDecide(b *testing.B) {
	own := &store.Preferences{Rules: []store.PreferenceRule{
		{Enabled: true}, {Category: "marketing", Enabled: false}, {Category: "marketing", Channel: store.ChannelPush, Enabled: true},
		{MessageType: "promo", Channel: store.ChannelEmail, Enabled: false}, {Category: "social", Enabled: true},
	}}
	defaults := &store.Preferences{Rules: []store.PreferenceRule{{Category: "marketing", Enabled: false}}}
	for b.Loop() {
		pipeline.Decide(own, defaults, &marketing, store.ChannelPush)
	}
}

func BenchmarkRenderLayer(b *testing.B) {
	mt := &store.MessageType{Key: "k", MessageTypeSpec: store.MessageTypeSpec{
		Channels: []store.Channel{store.ChannelEmail, store.ChannelPush},
		Templates: store.Templates{
			Email: &store.EmailTemplate{Subject: "Order {{.order}} shipped", Body: "Hi {{.recipient.id}}, order {{.order}} is on its way.", HTML: "<p>Hi <b>{{.recipient.id}}</b>, order {{.order}} is on its way.</p>"},
			Push:  &store.PushTemplate{Title: "Shipped", Body: "Order {{.order}}"},
		},
	}}
	n := &store.Notification{ID: uuid.New(), Data: json.RawMessage(`{"order":"A-17"}`)}
	ids := make([]string, 500)
	for i := range ids {
		ids[i] = fmt.Sprint("u", i)
	}
	layer := pipeline.Render{Renderer: render.New()}
	b.ReportAllocs()
	for b.Loop() {
		batch := pipeline.NewBatch(time.Now(), nil, n, mt, ids)
		for _, m := range batch.Messages {
			m.Recipient = &store.Recipient{ID: m.RecipientID}
		}
		if err := layer.Process(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(ids)*2)/b.Elapsed().Seconds(), "messages/s")
}

// BenchmarkDecisionLayers runs recipients, preferences, dedupe and rate
// limit over 500-recipient batches against Postgres, as fan-out does.
func BenchmarkDecisionLayers(b *testing.B) {
	ctx := context.Background()
	st := store.NewStore(storetest.NewPool(b))
	tenant, err := st.CreateTenant(ctx, "bench")
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]string, 500)
	for i := range ids {
		ids[i] = fmt.Sprint("u", i)
		if _, err := st.UpsertRecipient(ctx, &store.Recipient{TenantID: tenant.ID, ID: ids[i], Email: ids[i] + "@example.com",
			PushTokens: []store.PushToken{{Token: "t", Platform: "fcm"}}}); err != nil {
			b.Fatal(err)
		}
		if i%2 == 0 {
			if _, err := st.UpsertPreferences(ctx, &store.Preferences{TenantID: tenant.ID, RecipientID: ids[i],
				Rules: []store.PreferenceRule{{Category: "marketing", Channel: store.ChannelEmail}}, QuietStart: "01:00", QuietEnd: "01:01"}); err != nil {
				b.Fatal(err)
			}
		}
	}
	mt := pushPromo
	mt.TenantID = tenant.ID
	mt.Channels = []store.Channel{store.ChannelEmail, store.ChannelPush}
	mt.RateLimit = &store.RateLimit{Count: 3, Per: 24 * time.Hour} // a realistic limit: most batches end over it
	layers := []pipeline.Layer{pipeline.LoadRecipients{}, pipeline.SelectChannels{}, pipeline.Preferences{}, pipeline.Dedupe{}, pipeline.RateLimit{}}
	// Each sub-benchmark adds one layer, so the differences price each.
	for k := 1; k <= len(layers); k++ {
		p := pipeline.New(layers[:k]...)
		b.Run(fmt.Sprintf("through_%s", layers[k-1].Name()), func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				n := &store.Notification{ID: uuid.New(), TenantID: tenant.ID, Data: json.RawMessage(`{}`), DedupeKey: fmt.Sprint(b.N, "-", i)}
				err := st.InTx(ctx, func(tx pgx.Tx) error {
					return p.Run(ctx, pipeline.NewBatch(time.Now(), store.New(tx), n, &mt, ids))
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N*len(ids))/b.Elapsed().Seconds(), "recipients/s")
		})
	}
}
