import { describe, expect, it } from 'vitest'
import { emptyNewUserForm, newUserToBody, userChangesToBody, userToForm, validateNewUser } from './user-form'

const editor = {
  id: 2, email: 'e@jena.example', displayName: 'Stelle', role: 'editor' as const, hasPassword: true, version: 3,
  organisations: [{ id: 9, name: 'B', nameEn: null }, { id: 5, name: 'A', nameEn: null }],
}

describe('new people', () => {
  it('need an e-mail address, a name and a role', () => {
    expect(validateNewUser(emptyNewUserForm())).toEqual({ email: 'admin.validation.required', displayName: 'admin.validation.required', role: 'admin.validation.choose' })
    expect(validateNewUser({ ...emptyNewUserForm(), email: 'kein-at', displayName: 'X', role: 'viewer' })).toEqual({ email: 'admin.validation.email' })
  })

  it('send bodies only for editors', () => {
    expect(newUserToBody({ email: ' a@b.de ', displayName: 'A', role: 'editor', organisationIds: [5] })).toEqual({ email: 'a@b.de', displayName: 'A', role: 'editor', organisationIds: [5] })
    expect(newUserToBody({ email: 'a@b.de', displayName: 'A', role: 'viewer', organisationIds: [5] })).toEqual({ email: 'a@b.de', displayName: 'A', role: 'viewer' })
  })
})

describe('role changes', () => {
  it('keep an editor\'s bodies with a changed role, and drop them for other roles', () => {
    const form = userToForm(editor)
    expect(form.organisationIds).toEqual([5, 9])
    expect(userChangesToBody({ organisationIds: [5] }, { ...form, organisationIds: [5] })).toEqual({ organisationIds: [5] })
    expect(userChangesToBody({ role: 'admin' }, { ...form, role: 'admin' })).toEqual({ role: 'admin' })
    expect(userChangesToBody({ role: 'editor' }, { ...form, role: 'editor', organisationIds: [] })).toEqual({ role: 'editor', organisationIds: [] })
  })
})
