package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// TenantDefaults is the RecipientID of a tenant's default preferences.
const TenantDefaults = ""

const preferenceColumns = `tenant_id, recipient_id, rules, mute_until, quiet_start, quiet_end,
	digest_cadence, digest_weekday, digest_hour, updated_at`

// UpsertPreferences stores p, replacing what the recipient (or the tenant's
// defaults) had.
func (q *Queries) UpsertPreferences(ctx context.Context, p *Preferences) (*Preferences, error) {
	rules, err := json.Marshal(nonNil(p.Rules))
	if err != nil {
		return nil, fmt.Errorf("store: upsert preferences: %w", err)
	}
	row := q.db.QueryRow(ctx, `
		INSERT INTO preferences (tenant_id, recipient_id, rules, mute_until, quiet_start, quiet_end,
			digest_cadence, digest_weekday, digest_hour)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT (tenant_id, recipient_id) DO UPDATE SET
			rules = excluded.rules, mute_until = excluded.mute_until, quiet_start = excluded.quiet_start,
			quiet_end = excluded.quiet_end, digest_cadence = excluded.digest_cadence,
			digest_weekday = excluded.digest_weekday, digest_hour = excluded.digest_hour, updated_at = now()
		RETURNING `+preferenceColumns,
		p.TenantID, p.RecipientID, rules, p.MuteUntil, p.QuietStart, p.QuietEnd,
		p.Digest.Cadence, p.Digest.Weekday, p.Digest.Hour)
	return scanPreferences(row)
}

// GetPreferences returns the recipient's preferences (TenantDefaults for the
// tenant's), or empty preferences if none were ever set.
func (q *Queries) GetPreferences(ctx context.Context, tenantID uuid.UUID, recipientID string) (*Preferences, error) {
	p, err := scanPreferences(q.db.QueryRow(ctx, `SELECT `+preferenceColumns+` FROM preferences WHERE tenant_id = $1 AND recipient_id = $2`,
		tenantID, recipientID))
	if err != nil && isNotFound(err) {
		return &Preferences{TenantID: tenantID, RecipientID: recipientID}, nil
	}
	return p, err
}

// GetPreferencesFor returns the preferences of the recipients that have any,
// keyed by recipient id, and the tenant's defaults (empty if unset).
func (q *Queries) GetPreferencesFor(ctx context.Context, tenantID uuid.UUID, recipientIDs []string) (map[string]*Preferences, *Preferences, error) {
	rows, err := q.db.Query(ctx, `SELECT `+preferenceColumns+` FROM unnest($2::text[] || ''::text) AS want(rid)
		JOIN preferences ON tenant_id = $1 AND recipient_id = want.rid`, tenantID, recipientIDs)
	if err != nil {
		return nil, nil, fmt.Errorf("store: get preferences: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*Preferences, error) { return scanPreferences(r) })
	if err != nil {
		return nil, nil, fmt.Errorf("store: get preferences: %w", err)
	}
	defaults := &Preferences{TenantID: tenantID}
	out := make(map[string]*Preferences, len(list))
	for _, p := range list {
		if p.RecipientID == TenantDefaults {
			defaults = p
			continue
		}
		out[p.RecipientID] = p
	}
	return out, defaults, nil
}

func scanPreferences(row pgx.Row) (*Preferences, error) {
	var (
		p     Preferences
		rules []byte
	)
	err := row.Scan(&p.TenantID, &p.RecipientID, &rules, &p.MuteUntil, &p.QuietStart, &p.QuietEnd,
		&p.Digest.Cadence, &p.Digest.Weekday, &p.Digest.Hour, &p.UpdatedAt)
	if err != nil {
		return nil, notFound(err, "preferences")
	}
	if err := json.Unmarshal(rules, &p.Rules); err != nil {
		return nil, fmt.Errorf("store: preferences of %q: %w", p.RecipientID, err)
	}
	return &p, nil
}
