using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Calls;

public sealed class IndexModel(CallService calls, ReferenceDataService data, AuditTrail audit) : PageModel
{
    public IReadOnlyList<Call> Calls { get; private set; } = [];

    /// <summary>The job-seeker datasets a version can choose, VDAB's series by series and year, then the rest.</summary>
    public IReadOnlyList<ReferenceDataset> JobSeekerDatasets { get; private set; } = [];

    /// <summary>Every dataset by id, to name a version's choices.</summary>
    public IReadOnlyDictionary<int, ReferenceDataset> Datasets { get; private set; } = new Dictionary<int, ReferenceDataset>();

    /// <summary>Per call, the job-seeker dataset its allocation uses when that is not its current version's choice (official figures imported on its own municipalities go first).</summary>
    public IReadOnlyDictionary<int, ReferenceDataset> JobSeekersInForce { get; private set; } = new Dictionary<int, ReferenceDataset>();

    /// <summary>Each call's audit records (its new versions), newest first.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<AuditView>> History { get; private set; } = new Dictionary<int, IReadOnlyList<AuditView>>();

    [BindProperty]
    public int CallId { get; set; }

    [BindProperty]
    public int CallVersion { get; set; }

    [BindProperty]
    public string? Budget { get; set; }

    [BindProperty]
    public int WeightWorkingAge { get; set; }

    [BindProperty]
    public int WeightJobSeekers { get; set; }

    [BindProperty]
    public int WeightEqual { get; set; }

    [BindProperty]
    public DateOnly Deadline { get; set; }

    [BindProperty]
    public DateOnly EffectiveFrom { get; set; }

    [BindProperty]
    public string? Priorities { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public int? JobSeekersDatasetId { get; set; }

    [BindProperty]
    public int? AdvancePercent { get; set; }

    [BindProperty]
    public int? ReportDueMonth { get; set; }

    [BindProperty]
    public int? ReportDueDay { get; set; }

    private IReadOnlyList<DomainError> _errors = [];

    public IReadOnlyList<DomainError> ErrorsFor(int callId) => callId == CallId ? _errors : [];

    public IReadOnlyList<AuditView> HistoryOf(int callId) => History.GetValueOrDefault(callId) ?? [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    [HandlerPolicy(Policies.Administrator)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await calls.AddVersionAsync(CallId, new CallVersionInput(Budget, WeightWorkingAge, WeightJobSeekers, WeightEqual, Deadline, Priorities, EffectiveFrom, Note, JobSeekersDatasetId: JobSeekersDatasetId, AdvancePercent: AdvancePercent, ReportDueMonth: ReportDueMonth, ReportDueDay: ReportDueDay), CallVersion, ct);
        if (result.IsSuccess)
        {
            return Redirect("/Calls");
        }

        _errors = result.Errors;
        Response.StatusCode = Problems.StatusOf(result.Errors);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Calls = await calls.ListAsync(ct);
        var datasets = await data.DatasetsAsync(ct);
        Datasets = datasets.ToDictionary(d => d.Id);
        JobSeekerDatasets = datasets.Where(d => d.Kind == DatasetKind.JobSeekers)
            .OrderBy(d => d.Series is null).ThenBy(d => d.Series).ThenByDescending(d => d.Year).ThenBy(d => d.Id).ToList();
        var inForce = new Dictionary<int, ReferenceDataset>();
        foreach (var c in Calls)
        {
            if (await data.JobSeekersInForceAsync(c.MunicipalitySet, c.CurrentVersion.JobSeekersDatasetId, ct) is { } used && used.Id != c.CurrentVersion.JobSeekersDatasetId)
            {
                inForce[c.Id] = used;
            }
        }

        JobSeekersInForce = inForce;
        var records = await audit.HistoryAsync(CallService.AuditEntity, Calls.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)).ToList(), ct);
        History = Calls.ToDictionary(c => c.Id, c => (IReadOnlyList<AuditView>)records.Where(r => r.Record.EntityId == c.Id.ToString(CultureInfo.InvariantCulture)).ToList());
    }
}
