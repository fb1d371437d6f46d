package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// UpsertMessageType stores spec as the next version of the tenant's message
// type key and returns it. If spec equals the current version, nothing is
// written and the current version is returned, so loading the same
// definitions at every start does not pile up versions.
func (q *Queries) UpsertMessageType(ctx context.Context, tenantID uuid.UUID, key string, spec MessageTypeSpec) (*MessageType, error) {
	raw, err := json.Marshal(spec)
	if err != nil {
		return nil, fmt.Errorf("store: upsert message type: %w", err)
	}
	// Lock the head row (or create it at version 0) so concurrent upserts of
	// one key take versions one after the other.
	var current int
	err = q.db.QueryRow(ctx, `
		INSERT INTO message_types (tenant_id, key, version, category) VALUES ($1, $2, 0, $3)
		ON CONFLICT (tenant_id, key) DO UPDATE SET updated_at = message_types.updated_at
		RETURNING version`, tenantID, key, spec.Category).Scan(&current)
	if err != nil {
		return nil, fmt.Errorf("store: upsert message type: %w", err)
	}
	if current > 0 {
		var stored []byte
		var created time.Time
		err := q.db.QueryRow(ctx, `SELECT spec, created_at FROM message_type_versions WHERE tenant_id = $1 AND key = $2 AND version = $3`,
			tenantID, key, current).Scan(&stored, &created)
		if err != nil {
			return nil, fmt.Errorf("store: upsert message type: %w", err)
		}
		if sameJSON(stored, raw) {
			return &MessageType{TenantID: tenantID, Key: key, Version: current, CreatedAt: created, MessageTypeSpec: spec}, nil
		}
	}
	mt := &MessageType{TenantID: tenantID, Key: key, Version: current + 1, MessageTypeSpec: spec}
	err = q.db.QueryRow(ctx, `
		INSERT INTO message_type_versions (tenant_id, key, version, spec) VALUES ($1, $2, $3, $4)
		RETURNING created_at`, tenantID, key, mt.Version, raw).Scan(&mt.CreatedAt)
	if err != nil {
		return nil, fmt.Errorf("store: upsert message type: %w", err)
	}
	_, err = q.db.Exec(ctx, `UPDATE message_types SET version = $3, category = $4, updated_at = now() WHERE tenant_id = $1 AND key = $2`,
		tenantID, key, mt.Version, spec.Category)
	if err != nil {
		return nil, fmt.Errorf("store: upsert message type: %w", err)
	}
	return mt, nil
}

// sameJSON compares two JSON documents after normalising them through
// Postgres-independent re-encoding.
func sameJSON(a, b []byte) bool {
	var va, vb any
	if json.Unmarshal(a, &va) != nil || json.Unmarshal(b, &vb) != nil {
		return false
	}
	ca, _ := json.Marshal(va)
	cb, _ := json.Marshal(vb)
	return bytes.Equal(ca, cb)
}

// GetMessageType returns version of the tenant's message type key; version 0
// means the current one.
func (q *Queries) GetMessageType(ctx context.Context, tenantID uuid.UUID, key string, version int) (*MessageType, error) {
	row := q.db.QueryRow(ctx, `
		SELECT v.tenant_id, v.key, v.version, v.created_at, v.spec
		FROM message_types m
		JOIN message_type_versions v ON v.tenant_id = m.tenant_id AND v.key = m.key
		WHERE m.tenant_id = $1 AND m.key = $2
		  AND v.version = CASE WHEN $3::int = 0 THEN m.version ELSE $3::int END`, tenantID, key, version)
	return scanMessageType(row)
}

// ListMessageTypes returns the current version of the tenant's message types
// in key order, starting after afterKey, at most limit of them, optionally
// only those of category.
func (q *Queries) ListMessageTypes(ctx context.Context, tenantID uuid.UUID, category, afterKey string, limit int) ([]*MessageType, error) {
	rows, err := q.db.Query(ctx, `
		SELECT v.tenant_id, v.key, v.version, v.created_at, v.spec
		FROM message_types m
		JOIN message_type_versions v ON v.tenant_id = m.tenant_id AND v.key = m.key AND v.version = m.version
		WHERE m.tenant_id = $1 AND ($2 = '' OR m.category = $2) AND m.key > $3
		ORDER BY m.key
		LIMIT $4`, tenantID, category, afterKey, limit)
	if err != nil {
		return nil, fmt.Errorf("store: list message types: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*MessageType, error) { return scanMessageType(r) })
	if err != nil {
		return nil, fmt.Errorf("store: list message types: %w", err)
	}
	return out, nil
}

func scanMessageType(row pgx.Row) (*MessageType, error) {
	var (
		mt   MessageType
		spec []byte
	)
	if err := row.Scan(&mt.TenantID, &mt.Key, &mt.Version, &mt.CreatedAt, &spec); err != nil {
		return nil, notFound(err, "message type")
	}
	if err := json.Unmarshal(spec, &mt.MessageTypeSpec); err != nil {
		return nil, fmt.Errorf("store: message type %q v%d: %w", mt.Key, mt.Version, err)
	}
	return &mt, nil
}
