package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// ErrKeyRevoked is returned by Authenticate for a revoked key.
var ErrKeyRevoked = errors.New("store: api key revoked")

// CreateTenant creates a tenant with a fresh signing secret, or returns the
// existing one with that name.
func (q *Queries) CreateTenant(ctx context.Context, name string) (*Tenant, error) {
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return nil, fmt.Errorf("store: create tenant: %w", err)
	}
	var t Tenant
	err := q.db.QueryRow(ctx, `
		INSERT INTO tenants (id, name, signing_secret) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO UPDATE SET name = excluded.name
		RETURNING id, name, signing_secret, created_at`,
		uuid.Must(uuid.NewV7()), name, secret,
	).Scan(&t.ID, &t.Name, &t.SigningSecret, &t.CreatedAt)
	if err != nil {
		return nil, fmt.Errorf("store: create tenant: %w", err)
	}
	return &t, nil
}

// GetTenant returns the tenant with id.
func (q *Queries) GetTenant(ctx context.Context, id uuid.UUID) (*Tenant, error) {
	return q.scanTenant(q.db.QueryRow(ctx, `SELECT id, name, signing_secret, created_at FROM tenants WHERE id = $1`, id))
}

// GetTenantByName returns the tenant called name.
func (q *Queries) GetTenantByName(ctx context.Context, name string) (*Tenant, error) {
	return q.scanTenant(q.db.QueryRow(ctx, `SELECT id, name, signing_secret, created_at FROM tenants WHERE name = $1`, name))
}

func (q *Queries) scanTenant(row pgx.Row) (*Tenant, error) {
	var t Tenant
	if err := row.Scan(&t.ID, &t.Name, &t.SigningSecret, &t.CreatedAt); err != nil {
		return nil, notFound(err, "tenant")
	}
	return &t, nil
}

// NewAPIKey returns a new random API key: "hk_" and 43 URL-safe characters
// (256 bits).
func NewAPIKey() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return "hk_" + base64.RawURLEncoding.EncodeToString(b)
}

func hashKey(key string) []byte {
	h := sha256.Sum256([]byte(key))
	return h[:]
}

// CreateAPIKey stores key's hash for the tenant. Creating a key that already
// exists for the same tenant is a no-op, so a bootstrap key can be ensured at
// every start.
func (q *Queries) CreateAPIKey(ctx context.Context, tenantID uuid.UUID, name, key string) (*APIKey, error) {
	var k APIKey
	err := q.db.QueryRow(ctx, `
		INSERT INTO api_keys (id, tenant_id, name, hash) VALUES ($1, $2, $3, $4)
		ON CONFLICT (hash) DO UPDATE SET name = api_keys.name
		RETURNING id, tenant_id, name, created_at, revoked_at`,
		uuid.Must(uuid.NewV7()), tenantID, name, hashKey(key),
	).Scan(&k.ID, &k.TenantID, &k.Name, &k.CreatedAt, &k.RevokedAt)
	if err != nil {
		return nil, fmt.Errorf("store: create api key: %w", err)
	}
	if k.TenantID != tenantID {
		return nil, errors.New("store: create api key: key already belongs to another tenant")
	}
	return &k, nil
}

// SetAPIKeyOperator gives the tenant's key with id the operator role, or
// takes it away.
func (q *Queries) SetAPIKeyOperator(ctx context.Context, tenantID, id uuid.UUID, operator bool) error {
	tag, err := q.db.Exec(ctx, `UPDATE api_keys SET operator = $3 WHERE tenant_id = $1 AND id = $2`, tenantID, id, operator)
	if err != nil {
		return fmt.Errorf("store: set api key operator: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("api key: %w", ErrNotFound)
	}
	return nil
}

// AuthChannel is the Postgres NOTIFY channel on which key revocations are
// announced (payload KeysRevoked), so every process forgets the keys it
// trusted.
const AuthChannel = "herald_auth"

// KeysRevoked is AuthChannel's payload when keys were revoked.
const KeysRevoked = "revoked"

// RevokeAPIKey revokes the tenant's key with id and announces it on
// AuthChannel when the transaction commits.
func (q *Queries) RevokeAPIKey(ctx context.Context, tenantID, id uuid.UUID) error {
	var n int64
	err := q.db.QueryRow(ctx, `
		WITH revoked AS (
			UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE tenant_id = $1 AND id = $2 RETURNING id
		)
		SELECT count(*) FROM revoked, pg_notify($3, $4)`, tenantID, id, AuthChannel, KeysRevoked).Scan(&n)
	if err != nil {
		return fmt.Errorf("store: revoke api key: %w", err)
	}
	if n == 0 {
		return fmt.Errorf("api key: %w", ErrNotFound)
	}
	return nil
}

// RevokeAPIKeysNamed revokes the tenant's live keys called name and returns
// how many it revoked.
func (q *Queries) RevokeAPIKeysNamed(ctx context.Context, tenantID uuid.UUID, name string) (int64, error) {
	var n int64
	err := q.db.QueryRow(ctx, `
		WITH revoked AS (
			UPDATE api_keys SET revoked_at = now() WHERE tenant_id = $1 AND name = $2 AND revoked_at IS NULL RETURNING id
		)
		SELECT count(*) FROM revoked, pg_notify($3, $4)`, tenantID, name, AuthChannel, KeysRevoked).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: revoke api keys: %w", err)
	}
	return n, nil
}

// ListAPIKeys returns the tenant's keys, newest first.
func (q *Queries) ListAPIKeys(ctx context.Context, tenantID uuid.UUID) ([]APIKey, error) {
	rows, err := q.db.Query(ctx, `SELECT id, tenant_id, name, operator, created_at, revoked_at FROM api_keys WHERE tenant_id = $1 ORDER BY created_at DESC`, tenantID)
	if err != nil {
		return nil, fmt.Errorf("store: list api keys: %w", err)
	}
	keys, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (APIKey, error) {
		var k APIKey
		err := row.Scan(&k.ID, &k.TenantID, &k.Name, &k.Operator, &k.CreatedAt, &k.RevokedAt)
		return k, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: list api keys: %w", err)
	}
	return keys, nil
}

// Authenticate returns the key and its tenant for a presented API key, or
// ErrNotFound / ErrKeyRevoked. The lookup is by SHA-256, and the stored hash
// is compared again in constant time.
func (q *Queries) Authenticate(ctx context.Context, key string) (*APIKey, *Tenant, error) {
	want := hashKey(key)
	var (
		k    APIKey
		t    Tenant
		hash []byte
	)
	err := q.db.QueryRow(ctx, `
		SELECT k.id, k.tenant_id, k.name, k.operator, k.created_at, k.revoked_at, k.hash,
		       t.id, t.name, t.signing_secret, t.created_at
		FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
		WHERE k.hash = $1`, want,
	).Scan(&k.ID, &k.TenantID, &k.Name, &k.Operator, &k.CreatedAt, &k.RevokedAt, &hash, &t.ID, &t.Name, &t.SigningSecret, &t.CreatedAt)
	if err != nil {
		return nil, nil, notFound(err, "api key")
	}
	if subtle.ConstantTimeCompare(hash, want) != 1 {
		return nil, nil, fmt.Errorf("api key: %w", ErrNotFound)
	}
	if k.RevokedAt != nil {
		return nil, nil, ErrKeyRevoked
	}
	return &k, &t, nil
}
