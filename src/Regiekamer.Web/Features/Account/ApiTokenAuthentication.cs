using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Common;

namespace Regiekamer.Web.Features.Account;

/// <summary>
/// <c>Authorization: Bearer rk_…</c>: the token's user, with the same claims a sign-in gives (the claims factory), plus
/// <see cref="AccountClaims.ApiTokenId"/>. A bad token is refused with 401 and a ProblemDetails that says why. A
/// token checked against the database is believed for <see cref="ApiTokenCache.Lifetime"/> (5 s) without asking again.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    ApiTokenCache cache,
    IUserClaimsPrincipalFactory<RegiekamerUser> claims)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    private DomainError? _failure;

    /// <summary>The token of a bearer Authorization header, or null when there is none.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiTokenService.IsWellFormed(token) ? ApiTokenService.Hash(token) : null;
        if (hash is not null && cache.TryGet(hash, out var known))
        {
            return Success(new ClaimsIdentity(known!.Claims, known.AuthenticationType, known.NameType, known.RoleType));
        }

        var check = await tokens.AuthenticateAsync(token, Context.RequestAborted);
        if (!check.IsValid)
        {
            _failure = check.Failure;
            return AuthenticateResult.Fail(check.Failure!.Message.En);
        }

        var principal = await claims.CreateAsync(check.User!);
        var source = (ClaimsIdentity)principal.Identity!;
        var identity = new ClaimsIdentity(source.Claims, SchemeName, source.NameClaimType, source.RoleClaimType);
        identity.AddClaim(new Claim(AccountClaims.ApiTokenId, check.Token!.Id.ToString(CultureInfo.InvariantCulture)));
        cache.Add(hash!, identity, check.User!.Id, check.Token.Id);
        return Success(identity);
    }

    private static AuthenticateResult Success(ClaimsIdentity identity) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        await HandleAuthenticateOnceSafeAsync();
        await AccountProblems.ChallengeAsync(Context, _failure);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AccountProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, AccountProblems.Forbidden);
}
