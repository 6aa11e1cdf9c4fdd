using System.Collections.Concurrent;
using System.Security.Claims;

namespace Regiekamer.Core.Accounts;

/// <summary>
/// Validated API tokens, remembered for <see cref="Lifetime"/> so that a busy client is not checked against the
/// database on every request (that check, with the user's roles, cost 90–95 % of an API request's throughput). On this
/// instance a revocation, a lock or a role change takes effect at once (the services evict); another instance notices
/// within <see cref="Lifetime"/>, when its entry expires and the token is checked again.
/// </summary>
public sealed class ApiTokenCache(TimeProvider time)
{
    /// <summary>How long a validated token is believed without asking the database: the most a revocation on another instance can lag.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The claims a token's principal had when it was last checked, and which token and user it was.</summary>
    public sealed record Entry(IReadOnlyList<Claim> Claims, string AuthenticationType, string NameType, string RoleType, Guid UserId, int TokenId, DateTimeOffset CheckedAt);

    /// <param name="hash">The token's SHA-256 (<see cref="ApiTokenService.Hash"/>).</param>
    public bool TryGet(string hash, out Entry? entry)
    {
        if (_entries.TryGetValue(hash, out entry) && time.GetUtcNow() - entry.CheckedAt < Lifetime)
        {
            return true;
        }

        if (entry is not null)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(hash, entry));
        }

        entry = null;
        return false;
    }

    public void Add(string hash, ClaimsIdentity identity, Guid userId, int tokenId)
    {
        ArgumentNullException.ThrowIfNull(identity);
        _entries[hash] = new Entry(identity.Claims.ToList(), identity.AuthenticationType ?? "", identity.NameClaimType, identity.RoleClaimType, userId, tokenId, time.GetUtcNow());
    }

    /// <summary>Forgets one token (revoked).</summary>
    public void EvictToken(int tokenId)
    {
        foreach (var (hash, entry) in _entries)
        {
            if (entry.TokenId == tokenId)
            {
                _entries.TryRemove(hash, out _);
            }
        }
    }

    /// <summary>Forgets every token of a user (locked, roles changed, password reset, erased).</summary>
    public void EvictUser(Guid userId)
    {
        foreach (var (hash, entry) in _entries)
        {
            if (entry.UserId == userId)
            {
                _entries.TryRemove(hash, out _);
            }
        }
    }
}
