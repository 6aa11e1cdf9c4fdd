using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Account;

/// <summary>Says which role the page asked for, read from the policies on that page's endpoint.</summary>
public sealed class AccessDeniedModel(EndpointDataSource endpoints, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>
    /// What the page needs that the user lacks, in words; empty when the user meets the page's policies and the page
    /// itself decided (e.g. another partnership's data).
    /// </summary>
    public IReadOnlyList<Bilingual> Needed { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        if (ReturnUrl is not { Length: > 0 } || !Url.IsLocalUrl(ReturnUrl))
        {
            ReturnUrl = null;
            return;
        }

        var path = ReturnUrl.Split('?', '#')[0].Trim('/');
        var endpoint = endpoints.Endpoints.OfType<RouteEndpoint>()
            .FirstOrDefault(e => string.Equals(e.RoutePattern.RawText?.Trim('/'), path, StringComparison.OrdinalIgnoreCase));
        var policies = endpoint?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy)
            .OfType<string>()
            .Distinct()
            .ToList() ?? [];
        var needed = new List<Bilingual>();
        foreach (var policy in policies)
        {
            if (!(await authorization.AuthorizeAsync(User, policy)).Succeeded)
            {
                needed.Add(Describe(policy));
            }
        }

        Needed = needed;
    }

    public static Bilingual Describe(string policy) => policy switch
    {
        Policies.Administrator => new("de rol beheerder (afdeling)", "the administrator role (department)"),
        Policies.CaseWork => new("de rol beheerder of dossierbehandelaar (afdeling)", "the administrator or case handler role (department)"),
        Policies.Department => new("een rol van de afdeling: beheerder, dossierbehandelaar of beleidsmedewerker", "a department role: administrator, case handler or policy officer"),
        Policies.SignedIn => new("aangemeld zijn, met een rol", "being signed in, with a role"),
        _ => new($"toegang '{policy}'", $"access '{policy}'"),
    };
}
