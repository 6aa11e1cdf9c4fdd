using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Regiekamer.Core.Accounts;

namespace Regiekamer.Web.Tests.Infrastructure;

/// <summary>
/// Signs a request in as whoever its <see cref="Header"/> names, so these tests exercise pages and the API behind
/// their policies without the sign-in flow (which has tests of its own). Values: a department role
/// ("Administrator", "CaseHandler", "PolicyOfficer") or a partnership role ("Regisseur:12"). No header: anonymous.
/// </summary>
public sealed class TestAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-Role";
    public const string Administrator = "Administrator";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.ToString() is not { Length: > 0 } role)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "00000000-0000-4000-8000-" + ((uint)role.GetHashCode(StringComparison.Ordinal)).ToString("x12", System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, $"test-{role.Replace(':', '-').ToLowerInvariant()}@example.org"),
            new(ClaimTypes.Email, $"test-{role.Replace(':', '-').ToLowerInvariant()}@example.org"),
        };
        claims.Add(role.Contains(':', StringComparison.Ordinal) ? new Claim(AccountClaims.PartnershipRole, role) : new Claim(ClaimTypes.Role, role));

        // As if signed in with both factors: administrators must be (AdministratorTwoFactorGate).
        claims.Add(new Claim(AccountClaims.TwoFactorEnabled, "true"));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
