package store

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// StatsParams select the deliveries GetStats counts: the tenant's, created
// in [Start, End), optionally of one message type, channel and variant.
type StatsParams struct {
	TenantID    uuid.UUID
	Start, End  time.Time
	MessageType string  // "" for every one
	Channel     Channel // "" for every one
	// Variant, when VariantSet, keeps one A/B variant ("" is the default
	// templates).
	Variant    string
	VariantSet bool
}

// StatsRow counts the deliveries of one message type, channel and variant.
type StatsRow struct {
	MessageType string
	Channel     Channel
	Variant     string
	// Deliveries counts every delivery, pending ones too.
	Deliveries int64
	// Sent counts deliveries a provider accepted: sent, delivered or
	// bounced.
	Sent, Delivered, Bounced, Failed int64
	// Suppressed counts suppressed deliveries by reason.
	Suppressed                  map[string]int64
	Opened, Clicked, Complained int64
}

// Stats counts deliveries by message type, channel and variant in one scan
// of the tenant's deliveries in the time range (deliveries_tenant_created,
// or a parallel sequential scan when the range holds most of the table),
// ordered by message type, channel and variant.
//
// Postgres groups by status and folds the statuses into columns here:
// grouping by the raw columns costs half of what nine FILTERed aggregates
// do. The statement is planned for its parameters each time
// (QueryExecModeExec): a generic plan guesses that a time range holds a
// few hundred rows, and sorted a million on disk in 14 s where the custom
// plan takes under one.
func (q *Queries) Stats(ctx context.Context, p StatsParams) ([]*StatsRow, error) {
	sql := `SELECT message_type, channel, variant, status, CASE WHEN status = 'suppressed' THEN reason ELSE '' END,
			count(*), count(opened_at), count(clicked_at), count(complained_at)
		FROM deliveries
		WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3`
	args := []any{pgx.QueryExecModeExec, p.TenantID, p.Start, p.End}
	if p.MessageType != "" {
		args = append(args, p.MessageType)
		sql += fmt.Sprintf(" AND message_type = $%d", len(args)-1)
	}
	if p.Channel != "" {
		args = append(args, string(p.Channel))
		sql += fmt.Sprintf(" AND channel = $%d", len(args)-1)
	}
	if p.VariantSet {
		args = append(args, p.Variant)
		sql += fmt.Sprintf(" AND variant = $%d", len(args)-1)
	}
	rows, err := q.db.Query(ctx, sql+` GROUP BY 1, 2, 3, 4, 5`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: stats: %w", err)
	}
	defer rows.Close()
	type key struct {
		mt, ch, variant string
	}
	byKey := map[key]*StatsRow{}
	for rows.Next() {
		var (
			k                         key
			status                    DeliveryStatus
			reason                    string
			n, opened, clicked, compl int64
		)
		if err := rows.Scan(&k.mt, &k.ch, &k.variant, &status, &reason, &n, &opened, &clicked, &compl); err != nil {
			return nil, fmt.Errorf("store: stats: %w", err)
		}
		r := byKey[k]
		if r == nil {
			r = &StatsRow{MessageType: k.mt, Channel: Channel(k.ch), Variant: k.variant, Suppressed: map[string]int64{}}
			byKey[k] = r
		}
		r.Deliveries += n
		switch status {
		case DeliverySent:
			r.Sent += n
		case DeliveryDelivered:
			r.Sent += n
			r.Delivered += n
		case DeliveryBounced:
			r.Sent += n
			r.Bounced += n
		case DeliveryFailed:
			r.Failed += n
		case DeliverySuppressed:
			r.Suppressed[reason] += n
		}
		r.Opened += opened
		r.Clicked += clicked
		r.Complained += compl
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: stats: %w", err)
	}
	out := slices.Collect(maps.Values(byKey))
	slices.SortFunc(out, func(a, b *StatsRow) int {
		return cmp.Or(cmp.Compare(a.MessageType, b.MessageType), cmp.Compare(a.Channel, b.Channel), cmp.Compare(a.Variant, b.Variant))
	})
	return out, nil
}
