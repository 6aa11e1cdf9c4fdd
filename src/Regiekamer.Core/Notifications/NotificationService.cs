using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Notifications;

/// <summary>One page of a person's notifications, newest first, and how many they have not read.</summary>
public sealed record NotificationPage(IReadOnlyList<Notification> Items, int Page, int PageSize, int Total, int Unread)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Makes notifications, each once (<see cref="Notification.Key"/> is unique in the database), and shows a person theirs.
/// Who hears of a partnership's dossier: its accounts with a Regisseur or Signatory role, and the dossier's regisseur and
/// signatory contacts where no account has their address. Who hears for the department: the accounts with the
/// CaseHandler role, and <c>Notifications:DepartmentEmail</c> when set.
/// </summary>
public sealed class NotificationService(RegiekamerDb db, BrusselsClock clock, NotificationSettings settings)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static DomainError NotFound(int id) => DomainError.NotFound($"Melding {id} bestaat niet.", $"Notification {id} does not exist.");

    /// <summary>
    /// The partnership's side: its accounts with a Regisseur or Signatory role, then each of <paramref name="contacts"/>
    /// (the dossier's regisseur and signatory, or the partnership's regisseur when there is no dossier) whose address no
    /// account has. One recipient per person.
    /// </summary>
    public async Task<IReadOnlyList<Recipient>> PartnershipRecipientsAsync(int partnershipId, IEnumerable<string?> contacts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var users = await (
                from r in db.RoleAssignments.AsNoTracking()
                join u in db.Users.AsNoTracking() on r.UserId equals u.Id
                where r.PartnershipId == partnershipId && (r.Role == Role.Regisseur || r.Role == Role.Signatory)
                select new { u.Id, u.Email })
            .Distinct()
            .ToListAsync(ct);
        return await WithContactsAsync(users.OrderBy(u => u.Id).Select(u => new Recipient(u.Id, u.Email)).ToList(), contacts, ct);
    }

    /// <summary>Who hears of a dossier on the partnership's side: its accounts, and the dossier's regisseur and signatory.</summary>
    public Task<IReadOnlyList<Recipient>> DossierRecipientsAsync(Application dossier, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return PartnershipRecipientsAsync(dossier.PartnershipId, [dossier.RegisseurEmail, dossier.SignatoryEmail], ct);
    }

    /// <summary>The department's side: every account with the CaseHandler role, and the department's mailbox when configured.</summary>
    public async Task<IReadOnlyList<Recipient>> DepartmentRecipientsAsync(CancellationToken ct = default)
    {
        var users = await (
                from r in db.RoleAssignments.AsNoTracking()
                join u in db.Users.AsNoTracking() on r.UserId equals u.Id
                where r.Role == Role.CaseHandler
                select new { u.Id, u.Email })
            .Distinct()
            .ToListAsync(ct);
        return await WithContactsAsync(users.OrderBy(u => u.Id).Select(u => new Recipient(u.Id, u.Email)).ToList(), [settings.DepartmentEmail], ct);
    }

    /// <summary>A dossier's regisseur and signatory as contacts, or the partnership's regisseur when there is no dossier.</summary>
    public async Task<IReadOnlyList<string?>> ContactsAsync(int partnershipId, Application? dossier, CancellationToken ct = default) =>
        dossier is not null
            ? [dossier.RegisseurEmail, dossier.SignatoryEmail]
            : [await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId).Select(p => p.RegisseurEmail).FirstOrDefaultAsync(ct)];

    /// <summary>Adds the addresses no recipient has yet; an address that belongs to an account goes to that account (in the app too).</summary>
    private async Task<IReadOnlyList<Recipient>> WithContactsAsync(List<Recipient> recipients, IEnumerable<string?> contacts, CancellationToken ct)
    {
        var wanted = contacts.Select(c => c?.Trim()).Where(c => c is { Length: > 0 } && c.Contains('@', StringComparison.Ordinal)).Select(c => c!).ToList();
        foreach (var email in wanted)
        {
            var normalized = email.ToUpperInvariant();
            if (recipients.Any(r => string.Equals(r.Email?.Trim(), email, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var account = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => new { u.Id, u.Email }).FirstOrDefaultAsync(ct);
            recipients.Add(account is null ? new Recipient(null, email) : new Recipient(account.Id, account.Email));
        }

        return recipients;
    }

    /// <summary>
    /// For a change that notifies (a submission, a decision): adds one notification per recipient to the context, to be
    /// saved with the change in its transaction. A key already stored is left out. Returns how many were added.
    /// </summary>
    public async Task<int> StageAsync(NotificationDraft draft, IEnumerable<Recipient> recipients, CancellationToken ct = default)
    {
        var rows = await NewRowsAsync(draft, recipients, ct);
        db.Notifications.AddRange(rows);
        return rows.Count;
    }

    /// <summary>
    /// For the jobs: saves one notification per recipient whose key is not stored yet. A key another instance stores at
    /// the same moment is not an error: the database refuses the second row (unique key) and it is skipped. Returns how
    /// many this call stored.
    /// </summary>
    public async Task<int> CreateAsync(NotificationDraft draft, IEnumerable<Recipient> recipients, CancellationToken ct = default)
    {
        var rows = await NewRowsAsync(draft, recipients, ct);
        if (rows.Count == 0)
        {
            return 0;
        }

        db.Notifications.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
            return rows.Count;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            // Someone stored one of these keys since we looked: store the rest one by one.
            db.ChangeTracker.Clear();
        }

        var stored = 0;
        foreach (var row in rows)
        {
            db.Notifications.Add(Notification.Copy(row));
            try
            {
                await db.SaveChangesAsync(ct);
                stored++;
            }
            catch (DbUpdateException e) when (IsUniqueViolation(e))
            {
                // Already there: made once, by whoever was first.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return stored;
    }

    private async Task<List<Notification>> NewRowsAsync(NotificationDraft draft, IEnumerable<Recipient> recipients, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(recipients);
        var now = clock.UtcNow;
        var rows = recipients.Select(r => Notification.For(draft, r, now)).DistinctBy(n => n.Key, StringComparer.Ordinal).ToList();
        if (rows.Count == 0)
        {
            return rows;
        }

        var keys = rows.Select(r => r.Key).ToList();
        var existing = (await db.Notifications.AsNoTracking().Where(n => keys.Contains(n.Key)).Select(n => n.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var tracked = db.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Key).ToHashSet(StringComparer.Ordinal);
        return rows.Where(r => !existing.Contains(r.Key) && !tracked.Contains(r.Key)).ToList();
    }

    /// <summary>Whether saving failed on a unique index (PostgreSQL 23505, SQLite's UNIQUE or PRIMARY KEY constraint).</summary>
    public static bool IsUniqueViolation(DbUpdateException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.InnerException switch
        {
            PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
            SqliteException lite => lite.SqliteExtendedErrorCode is 2067 or 1555,
            _ => false,
        };
    }

    /// <summary>A person's notifications, newest first, one page (1, 2, …) at a time.</summary>
    public async Task<NotificationPage> ListAsync(Guid userId, int page = 1, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var total = await mine.CountAsync(ct);
        var unread = await mine.CountAsync(n => n.ReadAtUtc == null, ct);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        var items = await mine.OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new NotificationPage(items, page, pageSize, total, unread);
    }

    public Task<int> UnreadCountAsync(Guid userId, CancellationToken ct = default) =>
        db.Notifications.AsNoTracking().CountAsync(n => n.UserId == userId && n.ReadAtUtc == null, ct);

    /// <summary>Marks one of the person's own notifications read (again is fine). Another person's is "not found", as one that does not exist.</summary>
    public async Task<Result<bool>> MarkReadAsync(Guid userId, int id, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var changed = await db.Notifications.Where(n => n.Id == id && n.UserId == userId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
        if (changed > 0)
        {
            return Result<bool>.Ok(true);
        }

        return await db.Notifications.AsNoTracking().AnyAsync(n => n.Id == id && n.UserId == userId, ct) ? Result<bool>.Ok(false) : NotFound(id);
    }

    /// <summary>Marks every unread notification of the person read; returns how many.</summary>
    public Task<int> MarkAllReadAsync(Guid userId, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        return db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
    }

    /// <summary>
    /// Deletes what is kept long enough (docs/privacy.md): a notification <see cref="NotificationSettings.RetentionDays"/>
    /// after it was read, or after it was made when it was never read, once its mail is no longer pending.
    /// </summary>
    public Task<int> DeleteExpiredAsync(CancellationToken ct = default)
    {
        var before = clock.UtcNow.AddDays(-settings.RetentionDays);
        return db.Notifications
            .Where(n => n.MailState != MailState.Pending && (n.ReadAtUtc ?? n.CreatedAtUtc) < before)
            .ExecuteDeleteAsync(ct);
    }
}
