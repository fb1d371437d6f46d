package jobs

import (
	"math/rand/v2"
	"time"

	"github.com/riverqueue/river/rivertype"
)

// RetryPolicy retries failed jobs with exponential backoff and full jitter:
// attempt n waits a random time in [d/2, d], d = Base * 2^(n-1), capped at
// Max. The zero value uses Base 1s and Max 1h.
type RetryPolicy struct {
	Base time.Duration
	Max  time.Duration
}

// NextRetry implements river.ClientRetryPolicy.
func (p *RetryPolicy) NextRetry(job *rivertype.JobRow) time.Time {
	return time.Now().Add(p.Backoff(job.Attempt))
}

// Backoff returns the wait before retrying after attempt (1-based).
func (p *RetryPolicy) Backoff(attempt int) time.Duration {
	base, limit := p.Base, p.Max
	if base <= 0 {
		base = time.Second
	}
	if limit <= 0 {
		limit = time.Hour
	}
	d := base
	for i := 1; i < attempt && d < limit; i++ {
		d *= 2
	}
	d = min(d, limit)
	half := d / 2
	return half + rand.N(d-half+1)
}
