//! `/admin/users/:id`: edit a person's profile, roles and scope; reset their password.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use super::{AdminTabs, users::UserFields};
use crate::{
    api::admin::{ResetPassword, UpdateUser, admin_org, get_user},
    error::AppError,
    ui::{
        components::form::{FormAlert, TextField, last_error},
        use_i18n,
    },
};

#[component]
pub fn AdminUserPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .with(|p| p.get("id"))
            .and_then(|s| Uuid::parse_str(&s).ok())
    };
    let update = ServerAction::<UpdateUser>::new();
    let reset = ServerAction::<ResetPassword>::new();
    let data = Resource::new(
        move || (id(), update.version().get()),
        |(id, _)| async move {
            let id = id.ok_or(AppError::NotFound)?;
            Ok::<_, AppError>((get_user(id).await?, admin_org().await?))
        },
    );
    let update_err = last_error(update.value());
    let reset_err = last_error(reset.value());
    view! {
        <section class="page">
            <h1>{i18n.t("admin-user-edit")}</h1>
            <AdminTabs/>
            <Suspense fallback=move || view! { <p class="loading">{i18n.t("common-loading")}</p> }>
                {move || Suspend::new(async move {
                    data.await.map(|(user, org)| {
                        let uid = user.id.to_string();
                        let uid_reset = uid.clone();
                        view! {
                            <h2 data-testid="edited-user">{user.username.clone()}</h2>
                            <ActionForm action=update attr:novalidate=true attr:class="card form" attr:data-testid="user-edit-form">
                                <FormAlert error=update_err/>
                                {move || matches!(update.value().get(), Some(Ok(_))).then(|| view! {
                                    <p class="alert alert-ok" role="status" data-testid="saved">{i18n.t("common-saved")}</p>
                                })}
                                <input type="hidden" name="id" value=uid/>
                                <UserFields org user=Some(user.clone()) error=update_err/>
                                <button type="submit" class="button" data-testid="user-save">{i18n.t("common-save")}</button>
                            </ActionForm>
                            <h2>{i18n.t("admin-user-reset")}</h2>
                            <ActionForm action=reset attr:novalidate=true attr:class="card form" attr:data-testid="reset-form">
                                <FormAlert error=reset_err/>
                                {move || matches!(reset.value().get(), Some(Ok(_))).then(|| view! {
                                    <p class="alert alert-ok" role="status">{i18n.t("admin-user-reset-done")}</p>
                                })}
                                <input type="hidden" name="id" value=uid_reset/>
                                <TextField name="password" field="password" kind="password" label=i18n.t("admin-user-temporary-password") error=reset_err required=true autocomplete="new-password" hint=i18n.t("account-password-rule")/>
                                <button type="submit" class="button">{i18n.t("admin-user-reset-submit")}</button>
                            </ActionForm>
                        }
                    })
                })}
            </Suspense>
        </section>
    }
}
