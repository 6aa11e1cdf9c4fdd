namespace Regiekamer.Core.Reports;

/// <summary>
/// More time for one partnership's report on one year of a call (R15), granted by the department with a reason. One per
/// partnership, call and year; granting again moves the date. It may exist before the report is started.
/// </summary>
public sealed class ReportExtension
{
    public int Id { get; private set; }

    public int CallId { get; private set; }

    public int PartnershipId { get; private set; }

    public int Year { get; private set; }

    public DateOnly Until { get; private set; }

    public string Reason { get; private set; } = "";

    public Guid? GrantedByUserId { get; private set; }

    public DateTime GrantedAtUtc { get; private set; }

    public int Version { get; set; }

    public static ReportExtension Grant(int callId, int partnershipId, int year, DateOnly until, string reason, Guid? by, DateTime now) => new()
    {
        CallId = callId,
        PartnershipId = partnershipId,
        Year = year,
        Until = until,
        Reason = reason,
        GrantedByUserId = by,
        GrantedAtUtc = now,
        Version = 1,
    };

    public void Move(DateOnly until, string reason, Guid? by, DateTime now)
    {
        Until = until;
        Reason = reason;
        GrantedByUserId = by;
        GrantedAtUtc = now;
    }
}
