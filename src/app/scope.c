/*
 * scope.c - scope checks (see scope.h).
 */
#include "app/scope.h"

#include "store/store.h"

#include "core/banned.h"

int scope_contains(struct app *app, const struct actor *who, int64_t org_id)
{
	struct arena a;
	struct org_row r;
	int32_t today = date_today();
	int64_t cur = org_id;
	int rc = 0, depth = 0;

	if (who->scope_org == 0)
		return 1;
	if (org_id == 0)
		return 0;
	arena_init(&a, 1 << 20);
	while (cur && depth++ < 64) {
		if (cur == who->scope_org) {
			rc = 1;
			break;
		}
		arena_reset(&a);
		if (store_org_at(app_store(app), cur, today, &a, &r) < 0) {
			/* Ended organisations: judge by their last parent. */
			if (store_org_latest(app_store(app), cur, &a, &r) < 0)
				break;
		}
		cur = r.parent_id;
	}
	arena_release(&a);
	return rc;
}

int scope_require_role(const struct actor *who, unsigned mask, struct err *e)
{
	if (who->roles & mask)
		return 0;
	return err_set(e, HOSO_E_DENIED, NULL, NULL, NULL);
}
