using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Regiekamer.Web.Features.Account;

/// <summary>
/// The sign-in cookie's ticket, decrypted once per cookie and remembered for <see cref="Lifetime"/>: decrypting it
/// (data protection's AES and HMAC with a key derived per request) cost two thirds of a signed-in request. Only the
/// exact cookie text finds its ticket, so nobody gets a ticket they could not have decrypted; every request still gets
/// its own copy, and the cookie handler still checks its expiry and the security stamp (every minute) as before.
/// </summary>
public sealed class RememberedTickets(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider time) : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    /// <summary>How long a decrypted ticket is remembered: also the most a revoked data-protection key keeps working.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _tickets = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public void Dispose() => _tickets.Dispose();

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText))
        {
            return null;
        }

        var key = purpose is null ? protectedText : string.Concat(purpose, "\n", protectedText);
        var now = time.GetUtcNow();
        if (_tickets.TryGetValue(key, out Remembered? known) && known is not null && now < known.Until)
        {
            return known.Ticket.Clone();
        }

        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is not null)
        {
            _tickets.Set(key, new Remembered(ticket.Clone(), now + Lifetime), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        }

        return ticket;
    }

    /// <summary>Wraps the sign-in cookie's ticket format once the cookie handler has made it.</summary>
    internal sealed class Setup(TimeProvider time) : IPostConfigureOptions<CookieAuthenticationOptions>, IDisposable
    {
        private readonly List<RememberedTickets> _made = [];

        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name == IdentityConstants.ApplicationScheme && options.TicketDataFormat is not RememberedTickets and not null)
            {
                var remembered = new RememberedTickets(options.TicketDataFormat, time);
                lock (_made)
                {
                    _made.Add(remembered);
                }

                options.TicketDataFormat = remembered;
            }
        }

        public void Dispose()
        {
            lock (_made)
            {
                _made.ForEach(r => r.Dispose());
            }
        }
    }

    private sealed record Remembered(AuthenticationTicket Ticket, DateTimeOffset Until);
}
