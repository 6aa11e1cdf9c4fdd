using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Admin;

/// <summary>User administration and personal data (export, erasure): administrators only.</summary>
public sealed class AdminFeature : IWebFeature
{
    public static void Pages(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AuthorizeFolder("/Admin", Policies.Administrator);
    }

    public static void Api(RouteGroupBuilder api) => Persons.PersonsApi.Map(api);

    /// <summary>Users only for an administrator, who manages them.</summary>
    public static IEnumerable<AuditLink> AuditLinks =>
    [
        new(Core.Accounts.AccountService.AuditEntity, (id, administrator) => administrator ? $"/Admin/Users/Edit?id={Uri.EscapeDataString(id)}" : null),
    ];
}
