using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.Accounts;

/// <summary>A token just made: <see cref="Secret"/> is shown to its owner once and never stored.</summary>
public sealed record CreatedApiToken(ApiToken Token, string Secret);

/// <summary>The outcome of presenting a token: the user it acts for, or why it is refused (a message fit for the client: no internals).</summary>
public sealed record ApiTokenCheck(RegiekamerUser? User, ApiToken? Token, DomainError? Failure)
{
    public bool IsValid => Failure is null;
}

/// <summary>
/// Bearer tokens for machine clients: <c>rk_</c> + 32 random bytes in base64url. Only the SHA-256 is stored; a token
/// acts with its user's roles as they are at each request, and stops working when revoked, expired, or when its user
/// is locked.
/// </summary>
public sealed class ApiTokenService(RegiekamerDb db, UserManager<RegiekamerUser> users, AuditTrail audit, ApiTokenCache cache, TimeProvider time)
{
    public const string AuditEntity = "ApiToken";

    public const string SecretPrefix = "rk_";

    /// <summary>"rk_" and 43 base64url characters (32 bytes).</summary>
    public const int SecretLength = 46;

    /// <summary>How much of the secret the list shows, to recognise a token.</summary>
    public const int PrefixLength = 12;

    private static readonly System.Buffers.SearchValues<char> Base64UrlCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>Last use is written at most this often, so a busy client does not write on every request.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<Result<CreatedApiToken>> CreateAsync(Guid userId, string? name, DateTime? expiresAtUtc = null, CancellationToken ct = default)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 100)
        {
            return DomainError.Invalid("validation", "Naam van de token: verplicht, hoogstens 100 tekens.", "Token name: required, at most 100 characters.", "name");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (expiresAtUtc is { } expires && expires <= now)
        {
            return DomainError.Invalid("validation", "Vervaldatum: moet in de toekomst liggen.", "Expiry: must be in the future.", "expires");
        }

        if (await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) is not { } user)
        {
            return AccountService.UserNotFound(userId);
        }

        var secret = SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            UserId = userId,
            Name = trimmed,
            TokenHash = Hash(secret),
            Prefix = secret[..PrefixLength],
            CreatedAtUtc = now,
            ExpiresAtUtc = expiresAtUtc,
        };

        // The token's id is known only after the insert; one transaction keeps the token and its audit record together.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        audit.Record(new ApiTokenCreated(token.Id, ApiTokenSnapshot.Of(token, user)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<CreatedApiToken>.Ok(new CreatedApiToken(token, secret));
    }

    public Task<List<ApiToken>> ListAsync(Guid userId, CancellationToken ct = default) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(ct);

    /// <param name="ownerId">Only a token of this user (their own, or the one an administrator is looking at); null for any token.</param>
    public async Task<Result<ApiToken>> RevokeAsync(int tokenId, Guid? ownerId, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && (ownerId == null || t.UserId == ownerId), ct);
        if (token is null)
        {
            return DomainError.NotFound($"Token {tokenId} bestaat niet.", $"Token {tokenId} does not exist.");
        }

        if (token.RevokedAtUtc is not null)
        {
            return DomainError.Conflict("already-revoked", $"Token '{token.Name}' is al ingetrokken.", $"Token '{token.Name}' is already revoked.");
        }

        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == token.UserId, ct);
        var before = ApiTokenSnapshot.Of(token, user);
        token.RevokedAtUtc = time.GetUtcNow().UtcDateTime;
        audit.Record(new ApiTokenRevoked(token.Id, before, ApiTokenSnapshot.Of(token, user)));
        await db.SaveChangesAsync(ct);
        cache.EvictToken(token.Id);
        return Result<ApiToken>.Ok(token);
    }

    /// <summary>Checks a presented token and notes its use.</summary>
    public async Task<ApiTokenCheck> AuthenticateAsync(string? secret, CancellationToken ct = default)
    {
        if (!IsWellFormed(secret))
        {
            return Refused("token-malformed", $"Dit is geen Regiekamer-token: verwacht '{SecretPrefix}' en 43 tekens base64url.", $"This is not a Regiekamer token: expected '{SecretPrefix}' and 43 base64url characters.");
        }

        var hash = Hash(secret!);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (token is null)
        {
            return Refused("token-unknown", "Deze token is niet gekend.", "This token is not known.");
        }

        if (token.RevokedAtUtc is not null)
        {
            return Refused("token-revoked", "Deze token is ingetrokken.", "This token has been revoked.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (token.ExpiresAtUtc is { } expires && expires <= now)
        {
            return Refused("token-expired", "Deze token is verlopen.", "This token has expired.");
        }

        var user = await users.FindByIdAsync(token.UserId.ToString("D"));
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return Refused("account-locked", "De gebruiker van deze token is geblokkeerd.", "The user of this token is locked.");
        }

        if (token.LastUsedAtUtc is not { } last || now - last >= LastUsedResolution)
        {
            token.LastUsedAtUtc = now;
            await db.SaveChangesAsync(ct);
        }

        return new ApiTokenCheck(user, token, null);
    }

    /// <summary>Lower-case hex SHA-256 of the secret, as stored.</summary>
    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    public static bool IsWellFormed(string? secret) =>
        secret is { Length: SecretLength }
        && secret.StartsWith(SecretPrefix, StringComparison.Ordinal)
        && secret.AsSpan(SecretPrefix.Length).IndexOfAnyExcept(Base64UrlCharacters) < 0;

    private static string Id(ApiToken token) => token.Id.ToString(CultureInfo.InvariantCulture);

    private static ApiTokenCheck Refused(string code, string nl, string en) => new(null, null, DomainError.Invalid(code, nl, en));
}
