using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;

namespace Regiekamer.Web.Infrastructure;

/// <summary>
/// Pages that show stored data the same way to the same user (<c>[OutputCache(PolicyName = PageCache.Policy)]</c>):
/// a GET is rendered once per version of the stored data (<see cref="DataVersion.OfStoredDataAsync"/>: any change
/// the app saves, on any instance within <see cref="DataVersion.Freshness"/>), per user (all their claims: roles,
/// name, security stamp), language, Brussels day, address with its query and form-token cookie, and served from
/// memory until then. Authentication and authorization still run on every request (the cache sits behind them); a
/// response that sets a cookie or is not a 200 is never kept, so a cached page never hands one user's cookie to another.
/// </summary>
public sealed class PageCache : IOutputCachePolicy
{
    public const string Policy = "stored-data";

    /// <summary>How long an unused rendering is kept at most; a change of the stored data ends it sooner.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.Headers.Authorization.Count > 0)
        {
            context.EnableOutputCaching = false;
            return;
        }

        var services = http.RequestServices;
        var db = services.GetRequiredService<RegiekamerDb>();
        var formTokenCookie = services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        var vary = context.CacheVaryByRules;
        vary.QueryKeys = "*";
        vary.VaryByValues["data"] = await DataVersion.OfStoredDataAsync(db, cancellation);
        vary.VaryByValues["user"] = UserKey(http.User);
        vary.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        vary.VaryByValues["day"] = services.GetRequiredService<BrusselsClock>().Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        vary.VaryByValues["form-token"] = formTokenCookie is { } name ? request.Cookies[name] ?? "" : "";
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A digest of every claim of the signed-in identities, in order ("" for a visitor).</summary>
    internal static string UserKey(System.Security.Claims.ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var claim in user.Claims)
        {
            text.Append(claim.Type).Append('\u001f').Append(claim.Value).Append('\u001e');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
