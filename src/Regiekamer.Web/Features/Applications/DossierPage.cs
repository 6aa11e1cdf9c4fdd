using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Applications;

/// <summary>
/// A page of one dossier (/Applications/{applicationId}/…): the partnership gate has judged the caller for the
/// dossier's partnership before the handler runs; this loads the dossier and what decides whether it can be submitted,
/// and says which buttons the caller sees (the services still refuse what the status does not allow).
/// </summary>
public abstract class DossierPage(ApplicationService applications, SubmissionService submissions) : RegiekamerPage
{
    protected ApplicationService Applications { get; } = applications;

    protected SubmissionService Submissions { get; } = submissions;

    public int ApplicationId => RouteInt(ApplicationsFeature.RouteParameter) ?? throw new InvalidOperationException("A dossier page without {applicationId} in its route.");

    /// <summary>An integer the route carries (the route's :int constraint has checked it), or null when it has none.</summary>
    protected int? RouteInt(string name) =>
        RouteData.Values.TryGetValue(name, out var value) && int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    public Application Dossier { get; private set; } = null!;

    public DossierState State { get; private set; } = null!;

    /// <summary>Loads the dossier and its state; false (with the errors shown) when that fails.</summary>
    protected async Task<bool> LoadAsync(CancellationToken ct)
    {
        var dossier = await Applications.GetAsync(ApplicationId, ct);
        if (dossier is null)
        {
            Fail([ApplicationService.NotFound(ApplicationId)]);
            return false;
        }

        var state = await Submissions.StateAsync(dossier, ct);
        if (!state.IsSuccess)
        {
            Fail(state.Errors);
            return false;
        }

        Dossier = dossier;
        State = state.Value!;
        return true;
    }

    /// <summary>Whether the caller holds the action's permission for the dossier's partnership and its status allows it now.</summary>
    public bool May(ApplicationAction action) =>
        User.May(Dossier.PartnershipId, ApplicationLifecycle.PermissionFor(action)) && ApplicationLifecycle.Allows(Dossier.Status, action);

    public string DossierUrl(string? rest = null) => $"/Applications/{ApplicationId}{rest}";

    /// <summary>Where a problem of the checklist is fixed.</summary>
    public string WhereFixed(DossierProblem p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.Part switch
        {
            DossierPart.Information => DossierUrl("/Information") + (p.Field is { } f ? "#Input_" + char.ToUpperInvariant(f[0]) + f[1..].Replace(".", "_", StringComparison.Ordinal) : ""),
            DossierPart.Commitment => DossierUrl("/Commitment") + (p.Field is { } m ? "#member-" + m : ""),
            DossierPart.Plan => p.ActionId is { } action ? DossierUrl($"/Plan/Action/{action}") : DossierUrl("/Plan"),
            DossierPart.Eligibility => $"/Partnerships/{Dossier.PartnershipId}",
            _ => DossierUrl(),
        };
    }

    public static string StatusLabel(ApplicationStatus status) => Lang.Of(ApplicationStatuses.Label(status));

    /// <summary>A document as a download (nosniff, attachment), or the page with the errors.</summary>
    protected async Task<IActionResult> DownloadAsync(Task<Core.Common.Result<DossierDocument>> document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        var made = await document;
        if (!made.IsSuccess)
        {
            return await RefusedAsync(made.Errors, ct);
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return File(made.Value!.Bytes, made.Value.ContentType, made.Value.FileName);
    }

    /// <summary>Shows the errors on the page with the dossier around them (its status code follows the first error).</summary>
    protected async Task<IActionResult> RefusedAsync(IReadOnlyList<Core.Common.DomainError> errors, CancellationToken ct)
    {
        await LoadAsync(ct);
        return Fail(errors);
    }
}
